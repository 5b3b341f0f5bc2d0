import { placementHistory } from '@jobcenter/placements/events';
import * as da from './danish';
import { copenhagenInstant, plusDays, Random } from './random';
import { OutboxTable, Table } from './table';
import { minDate, World } from './world';

/**
 * The placements subgraph's tables: companies (valid CVR), the placements decided in the
 * world (lengths within the rule in force, never two active at once) and dated follow-ups
 * by the job consultant, with gaps of more than 14 days now and then.
 */
export function placementsTables(world: World): Table[] {
  const { seed, today } = world.options;
  const at = (date: string, hour: number) => copenhagenInstant(date, hour * 60);
  const company = new Table('company', ['id', 'cvr', 'name', 'industry', 'size', 'partnership', 'contacts', 'created_at']);
  for (const co of world.companies) {
    company.add([co.id, co.cvr, co.name, co.industry, co.size, co.partnership, JSON.stringify([co.contact]), at(world.historyStart, 9)]);
  }
  const placement = new Table('placement', [
    'id',
    'citizen_id',
    'company_id',
    'kind',
    'purpose',
    'start_date',
    'end_date',
    'hours_per_week',
    'mentor',
    'status',
    'job_consultant_id',
    'target_group_at_start',
    'outcome',
    'ended_on',
    'cancel_reason',
    'created_at',
    'updated_at',
  ]);
  const outbox = new OutboxTable();
  const followUp = new Table('placement_follow_up', ['id', 'placement_id', 'date', 'note', 'author_id', 'created_at']);
  for (const c of world.citizens) {
    const r = new Random(`${seed}:placements:${c.index}`);
    for (const p of c.placements) {
      const changed = p.endedOn ?? (p.status === 'ACTIVE' || p.status === 'AGREED' ? minDate(today, p.start) : p.proposedOn);
      placement.add([
        p.id,
        c.id,
        p.company.id,
        p.kind,
        p.purpose,
        p.start,
        p.end,
        p.hoursPerWeek,
        p.mentor,
        p.status,
        c.jobConsultant!.id,
        c.targetGroup,
        p.outcome,
        p.endedOn,
        p.cancelReason,
        at(p.proposedOn, 10),
        at(changed, 11),
      ]);
      outbox.event(
        ...placementHistory({
          id: p.id,
          citizenId: c.id,
          companyId: p.company.id,
          kind: p.kind,
          purpose: p.purpose,
          startDate: p.start,
          endDate: p.end,
          targetGroupAtStart: c.targetGroup,
          status: p.status,
          outcome: p.outcome,
          endedOn: p.endedOn,
        } as Parameters<typeof placementHistory>[0]),
      );
      if (p.status !== 'ACTIVE' && p.status !== 'COMPLETED') continue;
      // Follow-ups every 10–20 days; for some active ones the last is more than 14 days ago.
      const until = minDate(
        p.endedOn ?? p.end,
        p.status === 'ACTIVE' && r.chance(0.3) ? plusDays(today, -r.int(15, 30)) : plusDays(today, -1),
      );
      for (let d = plusDays(p.start, r.int(5, 10)); d <= until; d = plusDays(d, r.int(10, 20))) {
        followUp.add([r.uuid(), p.id, d, r.pick(da.FOLLOW_UP_NOTES), c.jobConsultant!.id, at(d, 15)]);
      }
    }
  }
  return [company.done(), placement.done(), followUp.done(), outbox.done()];
}
