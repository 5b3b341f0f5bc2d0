import type { ProgressDimension } from '@jobcenter/plans/progress/enums';
import type { PlanStatus } from '@jobcenter/plans/plan/enums';
import type { MilestoneResponsible, MilestoneStatus } from '@jobcenter/plans/milestone/enums';
import { milestoneAdded, milestoneStatusChanged, planCreated, planUpdated, progressRecorded } from '@jobcenter/plans/events';
import * as da from './danish';
import { copenhagenInstant, dayNumber, plusDays, Random } from './random';
import { OutboxTable, Table } from './table';
import { Citizen, maxDate, minDate, World } from './world';

const DIMENSIONS = [
  'JOB_SKILLS_EXPERIENCE',
  'ASPIRATION_MOTIVATION',
  'JOB_SEARCH_SKILLS',
  'STABILITY',
  'BASIC_SKILLS',
  'WORKPLACE_SOCIAL_SKILLS',
  'HEALTH_WELLBEING',
  'SELF_ESTEEM',
  'COPING',
  'NETWORK',
  'DAILY_STRUCTURE',
];

interface PlanDraft {
  status: 'DRAFT' | 'ACTIVE' | 'COMPLETED' | 'ABANDONED';
  start: string;
  end: string | null;
}

/**
 * The plans subgraph's tables: each citizen's plans (at most one ACTIVE; earlier ones
 * ABANDONED or COMPLETED), 3–8 milestones per plan with statuses that follow the deadlines
 * (overdue ones included), revisions linked to their replacement, progress notes, a period
 * status at each held network meeting, and a progress assessment about every 3 months.
 */
export function plansTables(world: World, heldNetworkMeetings: Map<string, string[]>): Table[] {
  const { seed, today } = world.options;
  const at = (date: string, hour: number) => copenhagenInstant(date, hour * 60);
  const plan = new Table('plan', [
    'id',
    'citizen_id',
    'long_term_goal',
    'citizen_perspective',
    'status',
    'start_date',
    'end_date',
    'version',
    'created_at',
    'updated_at',
  ]);
  const milestone = new Table('milestone', [
    'id',
    'plan_id',
    'title',
    'description',
    'deadline',
    'status',
    'responsible',
    'achieved_at',
    'replaced_by_id',
    'created_at',
    'updated_at',
  ]);
  const update = new Table('milestone_update', ['id', 'milestone_id', 'at', 'author_role', 'author_id', 'author_name', 'note', 'status']);
  const period = new Table('plan_period', [
    'id',
    'plan_id',
    'meeting_date',
    'past_period_status',
    'next_period_goals',
    'next_review_date',
    'author_role',
    'author_name',
    'recorded_at',
  ]);
  const assessment = new Table('progress_assessment', ['id', 'citizen_id', 'assessed_at', 'note', 'assessed_by_role', 'created_at']);
  const score = new Table('progress_score', ['assessment_id', 'dimension', 'score']);
  const outbox = new OutboxTable();

  for (const c of world.citizens) {
    const r = new Random(`${seed}:plans:${c.index}`);
    for (const p of plansOf(c, r, today)) {
      const id = r.uuid();
      const closed = p.status === 'COMPLETED' || p.status === 'ABANDONED';
      plan.add([
        id,
        c.id,
        r.pick(da.GOALS),
        r.pick(da.PERSPECTIVES),
        p.status,
        p.start,
        p.end,
        closed ? 3 : 2,
        at(p.start, 10),
        at(p.end ?? p.start, 11),
      ]);
      // A closed plan was created active and closed later; the others were created as they stand.
      const created = { id, citizenId: c.id, status: (closed ? 'ACTIVE' : p.status) as PlanStatus, startDate: p.start };
      outbox.event(planCreated(created));
      if (closed) outbox.event(...planUpdated(created, { status: p.status as PlanStatus, version: 3 }));

      // Milestones spread from two weeks after the start to the plan's end (or a few months ahead).
      const horizon = p.end ?? plusDays(today, r.int(60, 120));
      const count = r.int(3, 8);
      const span = Math.max(count * 7, dayNumber(horizon) - dayNumber(p.start) - 14);
      const titles = r.sample(da.MILESTONES, count + 2);
      const addMilestone = (title: string, deadline: string, createdOn: string, canRevise: boolean): string => {
        const mid = r.uuid();
        let status: string;
        if (p.status === 'DRAFT') status = 'PLANNED';
        else if (deadline >= today && !closed) status = r.chance(0.6) ? 'PLANNED' : 'IN_PROGRESS';
        else if (closed) status = r.weighted({ ACHIEVED: 65, MISSED: 15, DROPPED: 20 });
        else status = r.weighted({ ACHIEVED: 60, MISSED: 12, DROPPED: 6, REVISED: canRevise ? 7 : 0, PLANNED: 8, IN_PROGRESS: 7 });
        if (status === 'MISSED' && deadline >= today) status = 'DROPPED';
        let achievedAt: string | null = null;
        if (status === 'ACHIEVED') {
          const latest = minDate(minDate(plusDays(deadline, 10), plusDays(today, -1)), p.end ?? today);
          const earliest = maxDate(p.start, plusDays(deadline, -20));
          achievedAt =
            earliest >= latest ? maxDate(p.start, latest) : plusDays(earliest, r.int(0, dayNumber(latest) - dayNumber(earliest)));
        }
        let replacedBy: string | null = null;
        if (status === 'REVISED') {
          const revisedOn = minDate(plusDays(deadline, r.int(0, 14)), plusDays(today, -1));
          replacedBy = addMilestone(
            `Revideret: ${title}`.slice(0, 200),
            plusDays(deadline, r.int(21, 42)),
            maxDate(revisedOn, createdOn),
            false,
          );
        }
        const changedOn = achievedAt ?? (status === 'PLANNED' ? createdOn : minDate(today, maxDate(createdOn, deadline)));
        // Drawn in the order the row's values always were, so the same seed gives the same rows.
        const description = r.chance(0.3) ? 'Aftalt på samtalen med borgeren.' : null;
        const responsible = r.weighted({ CITIZEN: 5, SHARED: 4, STAFF: 2 }) as MilestoneResponsible;
        const added = { id: mid, planId: id, deadline, responsible, status: 'PLANNED' as MilestoneStatus };
        outbox.event(milestoneAdded(added, c.id));
        if (status !== 'PLANNED') outbox.event(milestoneStatusChanged(added, status, c.id));
        milestone.add([
          mid,
          id,
          title,
          description,
          deadline,
          status,
          responsible,
          achievedAt,
          replacedBy,
          at(createdOn, 10),
          at(changedOn, 12),
        ]);
        if (status === 'ACHIEVED' || status === 'IN_PROGRESS') {
          const on = achievedAt ?? minDate(today, maxDate(createdOn, plusDays(deadline, -7)));
          update.add([
            r.uuid(),
            mid,
            at(on, 13),
            'RESOURCE_CONSULTANT',
            c.resourceConsultant.id,
            c.resourceConsultant.name,
            status === 'ACHIEVED' ? 'Nået – godt gået!' : 'Er gået i gang.',
            status === 'ACHIEVED' ? 'ACHIEVED' : 'IN_PROGRESS',
          ]);
        }
        return mid;
      };
      for (let n = 0; n < count; n++) {
        const deadline = plusDays(p.start, 14 + Math.round(((n + r.next() * 0.8) * span) / count));
        addMilestone(titles[n], deadline, p.start, true);
      }

      // A period status at each network meeting held while the plan was in force.
      for (const day of heldNetworkMeetings.get(c.id) ?? []) {
        if (p.status === 'DRAFT' || day < p.start || (p.end && day > p.end)) continue;
        const caseworker = c.previousCaseworker && c.handoverOn && day < c.handoverOn ? c.previousCaseworker : c.caseworker;
        period.add([
          r.uuid(),
          id,
          day,
          r.pick(da.PERIOD_STATUS),
          r.pick(da.NEXT_GOALS),
          plusDays(day, r.int(60, 90)),
          'CASEWORKER',
          caseworker.name,
          at(day, 15),
        ]);
      }
    }

    // Progression: all dimensions about every three months, slowly better with noise.
    const base = DIMENSIONS.map(() => r.int(2, 6));
    const until = c.endedAt ?? today;
    let step = 0;
    for (let d = plusDays(c.enrolledAt, r.int(7, 21)); d <= until; d = plusDays(d, r.int(80, 100)), step++) {
      const aid = r.uuid();
      const note = r.chance(0.3) ? 'Vurderet sammen med borgeren.' : null;
      const role = r.chance(0.8) ? 'RESOURCE_CONSULTANT' : 'CASEWORKER';
      assessment.add([aid, c.id, d, note, role, at(d, 14)]);
      const scores = DIMENSIONS.map((dimension, k) => {
        const value = Math.round(base[k] + step * (0.3 + r.next() * 0.7) + (r.next() - 0.5) * 2);
        score.add([aid, dimension, Math.min(10, Math.max(1, value))]);
        return { dimension: dimension as ProgressDimension, score: Math.min(10, Math.max(1, value)) };
      });
      outbox.event(progressRecorded({ id: aid, citizenId: c.id, assessedAt: d, assessedByRole: role }, scores));
    }
  }
  return [plan.done(), milestone.done(), update.done(), period.done(), assessment.done(), score.done(), outbox.done()];
}

/** The citizen's plans in time order: at most one ACTIVE, closed ones never overlapping it. */
function plansOf(c: Citizen, r: Random, today: string): PlanDraft[] {
  const start = minDate(today, plusDays(c.enrolledAt, r.int(0, 21)));
  if (c.endedAt) {
    return [{ status: c.status === 'SELF_SUPPORTING' ? 'COMPLETED' : 'ABANDONED', start: minDate(start, c.endedAt), end: c.endedAt }];
  }
  const days = dayNumber(today) - dayNumber(c.enrolledAt);
  if (days < 30 && r.chance(0.3)) return [{ status: 'DRAFT', start, end: null }];
  if (days > 240 && r.chance(0.2)) {
    const switchOn = plusDays(start, r.int(90, days - 60));
    return [
      { status: 'ABANDONED', start, end: switchOn },
      { status: 'ACTIVE', start: switchOn, end: null },
    ];
  }
  return [{ status: 'ACTIVE', start, end: null }];
}
