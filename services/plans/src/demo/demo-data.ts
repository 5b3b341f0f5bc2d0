import { AnyNewEvent, recordEvents } from '@jobcenter/kit';
import { milestoneAdded, milestoneStatusChanged, planCreated, progressRecorded } from '../events';
import { DataSource, EntityManager } from 'typeorm';
import { addDays, todayInCopenhagen } from '@jobcenter/kit/calendar';
import { demoCitizens, demoStaff } from '@jobcenter/demo-cast';
import { Milestone } from '../milestone/milestone.entity';
import { MilestoneResponsible as R, MilestoneStatus as S } from '../milestone/milestone.enums';
import { MilestoneUpdate } from '../milestone/milestone-update.entity';
import { PlanPeriod } from '../period/plan-period.entity';
import { Plan } from '../plan/plan.entity';
import { PlanStatus } from '../plan/plan.enums';
import { ProgressAssessment } from '../progress/progress-assessment.entity';
import { ProgressScore } from '../progress/progress-score.entity';
import { ProgressDimension as D } from '../progress/progress.enums';
import { seedSharedMidwayReport } from '../report/report.demo';

/** Days relative to today: negative is in the past. */
interface StoryMilestone {
  title: string;
  due: number;
  status: S;
  responsible: R;
  achieved?: number;
  note?: string;
}
interface Story {
  citizen: keyof typeof demoCitizens;
  caseworker: keyof typeof demoStaff;
  status: PlanStatus;
  started: number;
  ended?: number;
  /** The planned end of the course (days from today); gives its period and midway date. */
  plannedEnd?: number;
  goal: string;
  words: string;
  milestones: StoryMilestone[];
  periods: { at: number; past: string; next: string }[];
  progress: { at: number; scores: Partial<Record<D, number>> }[];
}

/** The seed stories' plans, as their caseworkers and the citizens themselves wrote them. */
const stories: Story[] = [
  {
    citizen: 'svend',
    caseworker: 'inger',
    status: PlanStatus.ACTIVE,
    started: -190,
    goal: 'Uddannet anlægsgartner og derefter et fast job',
    words: 'Min største drøm er at blive tørlagt og dernæst at blive uddannet som anlægsgartner.',
    milestones: [
      { title: 'Gennemføre alkoholbehandling og blive tørlagt', due: -150, status: S.ACHIEVED, achieved: -155, responsible: R.CITIZEN },
      { title: 'Gå til AA-møde hver uge', due: 30, status: S.IN_PROGRESS, responsible: R.CITIZEN, note: 'Går fast til møder i Ringe.' },
      { title: 'Virksomhedspraktik hos gartner', due: -70, status: S.ACHIEVED, achieved: -72, responsible: R.SHARED },
      { title: 'Løntilskud hos gartneren', due: 60, status: S.IN_PROGRESS, responsible: R.SHARED },
      { title: 'Søge optagelse på anlægsgartneruddannelsen', due: 120, status: S.PLANNED, responsible: R.SHARED },
    ],
    periods: [
      {
        at: -100,
        past: 'Svend er tørlagt og har gennemført praktikken hos gartneren med gode tilbagemeldinger.',
        next: 'Løntilskud hos gartneren; fortsat AA.',
      },
      { at: -20, past: 'Løntilskuddet går godt; mødestabil.', next: 'Forberede ansøgning til anlægsgartneruddannelsen.' },
    ],
    progress: [
      { at: -185, scores: { STABILITY: 2, HEALTH_WELLBEING: 3, SELF_ESTEEM: 3, DAILY_STRUCTURE: 2, ASPIRATION_MOTIVATION: 6 } },
      { at: -20, scores: { STABILITY: 7, HEALTH_WELLBEING: 6, SELF_ESTEEM: 6, DAILY_STRUCTURE: 7, ASPIRATION_MOTIVATION: 8 } },
    ],
  },
  {
    citizen: 'per',
    caseworker: 'inger',
    status: PlanStatus.ACTIVE,
    started: -140,
    // Past its midway date with no midway report yet: the caseload and digest show it as due.
    plannedEnd: 100,
    goal: 'Tabe mig nok til at arbejde fuld tid igen som mekaniker; værkstedet har lovet mig et job',
    words: 'Jeg har selv fundet højskolen. Når vægten er nede, kan jeg klare et fuldt job på værkstedet.',
    milestones: [
      { title: 'Samtale med egen læge om vægttab', due: -5, status: S.PLANNED, responsible: R.CITIZEN },
      { title: '3 måneders højskoleophold med fokus på vægttab', due: 40, status: S.IN_PROGRESS, responsible: R.CITIZEN },
      { title: 'Starte på værkstedet', due: 120, status: S.PLANNED, responsible: R.SHARED },
    ],
    periods: [{ at: -60, past: 'Per har fået plads på højskole og er startet.', next: 'Gennemføre højskoleopholdet; tale med lægen.' }],
    progress: [
      { at: -135, scores: { HEALTH_WELLBEING: 2, ASPIRATION_MOTIVATION: 7, JOB_SKILLS_EXPERIENCE: 7 } },
      { at: -30, scores: { HEALTH_WELLBEING: 4, ASPIRATION_MOTIVATION: 8, JOB_SKILLS_EXPERIENCE: 7 } },
    ],
  },
  {
    citizen: 'ulla',
    caseworker: 'mette',
    status: PlanStatus.ACTIVE,
    started: -180,
    // Support in the home with the children's routines over eight months; its midway report is shared (report.demo.ts).
    plannedEnd: 60,
    goal: 'Styr på hverdagen med børnene og på sigt et arbejde, hvor jeg ikke er bange',
    words: 'At få styr på hverdagen med børnene og en dag have et arbejde, hvor jeg ikke er bange.',
    milestones: [
      { title: 'Gruppeforløb om selvværd', due: -40, status: S.ACHIEVED, achieved: -42, responsible: R.SHARED },
      { title: 'Faste morgenrutiner for familien', due: 14, status: S.IN_PROGRESS, responsible: R.CITIZEN },
      { title: 'Praktik i genbrugsbutik', due: -30, status: S.DROPPED, responsible: R.SHARED, note: 'Praktikken blev aflyst af butikken.' },
      { title: 'Forrevalideringsprojekt hos kunstner', due: 75, status: S.PLANNED, responsible: R.SHARED },
    ],
    periods: [
      { at: -25, past: 'Selvværdsforløbet er gennemført; praktikken blev aflyst.', next: 'Morgenrutiner; opstart i projekt hos kunstner.' },
    ],
    progress: [
      { at: -175, scores: { SELF_ESTEEM: 2, COPING: 3, DAILY_STRUCTURE: 3, NETWORK: 3 } },
      { at: -25, scores: { SELF_ESTEEM: 5, COPING: 5, DAILY_STRUCTURE: 4, NETWORK: 4 } },
    ],
  },
  {
    citizen: 'line',
    caseworker: 'mette',
    status: PlanStatus.ACTIVE,
    started: -160,
    goal: 'Ordinært job det næste år, så gælden kan betales, og derefter en uddannelse på SU',
    words: 'Et ordinært job det næste år, så jeg kan betale min gæld, og derefter en uddannelse på SU.',
    milestones: [
      { title: 'Selvværdsøvelser med ressourcekonsulenten', due: -100, status: S.ACHIEVED, achieved: -104, responsible: R.SHARED },
      { title: '4 ugers praktik i blomsterbutik', due: -50, status: S.ACHIEVED, achieved: -50, responsible: R.SHARED },
      { title: 'Vikarjob hos Faber', due: 45, status: S.IN_PROGRESS, responsible: R.CITIZEN },
    ],
    periods: [{ at: -45, past: 'Praktikken i blomsterbutikken gik godt.', next: 'Vikarjob hos Faber; lægge budget for gælden.' }],
    progress: [
      { at: -155, scores: { SELF_ESTEEM: 3, JOB_SEARCH_SKILLS: 4, WORKPLACE_SOCIAL_SKILLS: 5 } },
      { at: -45, scores: { SELF_ESTEEM: 6, JOB_SEARCH_SKILLS: 6, WORKPLACE_SOCIAL_SKILLS: 7 } },
    ],
  },
  {
    citizen: 'bent',
    caseworker: 'inger',
    status: PlanStatus.COMPLETED,
    started: -320,
    ended: -10,
    goal: 'Fast job som kok, uden at ryggen sætter grænsen',
    words: 'At arbejde som kok igen, uden at ryggen sætter grænsen.',
    milestones: [
      { title: 'Afklaring af rygproblemer hos fysioterapeut', due: -280, status: S.ACHIEVED, achieved: -285, responsible: R.CITIZEN },
      { title: 'Praktik på Kværndrup Kro', due: -240, status: S.ACHIEVED, achieved: -240, responsible: R.SHARED },
      { title: '6 måneders løntilskud på kroen', due: -50, status: S.ACHIEVED, achieved: -55, responsible: R.SHARED },
      { title: 'Fastansættelse på kroen', due: -10, status: S.ACHIEVED, achieved: -10, responsible: R.CITIZEN },
    ],
    periods: [{ at: -60, past: 'Løntilskuddet slutter; kroen tilbyder fast job.', next: 'Fastansættelse; afslutning af forløbet.' }],
    progress: [
      { at: -315, scores: { HEALTH_WELLBEING: 4, JOB_SKILLS_EXPERIENCE: 6, STABILITY: 6 } },
      { at: -15, scores: { HEALTH_WELLBEING: 7, JOB_SKILLS_EXPERIENCE: 8, STABILITY: 8 } },
    ],
  },
];

async function seedStory(tx: EntityManager, story: Story, today: string): Promise<void> {
  const day = (offset: number) => addDays(today, offset);
  const staff = demoStaff[story.caseworker];
  const author = { authorRole: staff.role, authorId: staff.id, authorName: staff.name };
  const plan = await tx.getRepository(Plan).save(
    tx.getRepository(Plan).create({
      citizenId: demoCitizens[story.citizen].id,
      longTermGoal: story.goal,
      citizenPerspective: story.words,
      status: story.status,
      startDate: day(story.started),
      endDate: story.ended === undefined ? null : day(story.ended),
      plannedEndDate: story.plannedEnd === undefined ? null : day(story.plannedEnd),
    }),
  );
  // The seed's events, in the same transaction as its rows (docs/events.md).
  const citizenId = plan.citizenId;
  const events: AnyNewEvent[] = [planCreated(plan)];
  for (const m of story.milestones) {
    const saved = await tx.getRepository(Milestone).save(
      tx.getRepository(Milestone).create({
        planId: plan.id,
        title: m.title,
        description: null,
        deadline: day(m.due),
        status: m.status,
        responsible: m.responsible,
        achievedAt: m.achieved === undefined ? null : day(m.achieved),
        replacedById: null,
      }),
    );
    const at = (offset: number) => new Date(`${day(offset)}T10:00:00Z`);
    const updates = [{ at: at(story.started), note: `Milestone agreed, deadline ${saved.deadline}.`, status: S.PLANNED }];
    if (m.status !== S.PLANNED) {
      updates.push({ at: at(m.achieved ?? Math.min(m.due, -1)), note: m.note ?? `Status changed to ${m.status}.`, status: m.status });
    }
    await tx.getRepository(MilestoneUpdate).insert(updates.map((u) => ({ milestoneId: saved.id, ...author, ...u })));
    events.push(milestoneAdded({ ...saved, status: S.PLANNED }, citizenId));
    if (m.status !== S.PLANNED) events.push(milestoneStatusChanged({ ...saved, status: S.PLANNED }, m.status, citizenId));
  }
  await tx.getRepository(PlanPeriod).insert(
    story.periods.map((p) => ({
      planId: plan.id,
      meetingDate: day(p.at),
      pastPeriodStatus: p.past,
      nextPeriodGoals: p.next,
      nextReviewDate: day(p.at + 75),
      authorRole: staff.role,
      authorName: staff.name,
    })),
  );
  for (const p of story.progress) {
    const assessment = await tx.getRepository(ProgressAssessment).save(
      tx.getRepository(ProgressAssessment).create({
        citizenId: demoCitizens[story.citizen].id,
        assessedAt: day(p.at),
        note: null,
        assessedByRole: 'RESOURCE_CONSULTANT',
      }),
    );
    const scores = Object.entries(p.scores).map(([dimension, score]) => ({
      assessmentId: assessment.id,
      dimension: dimension as D,
      score,
    }));
    await tx.getRepository(ProgressScore).insert(scores);
    events.push(progressRecorded(assessment, scores));
  }
  await recordEvents(tx, events);
}

/** Loads the seed stories' plans when the database has no plans yet. Returns whether it did. */
export async function seedPlansDemo(dataSource: DataSource): Promise<boolean> {
  if ((await dataSource.getRepository(Plan).count()) > 0) return false;
  const today = todayInCopenhagen();
  await dataSource.transaction(async (tx) => {
    for (const story of stories) await seedStory(tx, story, today);
    await seedSharedMidwayReport(tx, today);
  });
  return true;
}
