import escapeHtml from 'escape-html';
import { MilestoneStatus } from '../milestone/milestone.enums';
import { isOverdue } from '../milestone/milestone.rules';
import { PlanStatus, PrintLanguage } from './plan.enums';

export interface PrintablePlan {
  /** The citizen's name, when the printout is made through Citizen.printablePlan. */
  citizenName?: string | null;
  longTermGoal: string;
  citizenPerspective: string | null;
  status: PlanStatus;
  startDate: string;
  milestones: { title: string; description: string | null; deadline: string; status: MilestoneStatus; achievedAt: string | null }[];
  latestPeriod: { meetingDate: string; pastPeriodStatus: string; nextPeriodGoals: string; nextReviewDate: string | null } | null;
}

export const LABELS = {
  DA: {
    title: 'Borgerens plan',
    for: 'Plan for',
    goal: 'Langsigtet mål',
    words: 'Med mine egne ord',
    none: 'Ikke udfyldt endnu',
    start: 'Startdato',
    status: 'Status',
    milestones: 'Milepæle',
    milestone: 'Milepæl',
    deadline: 'Frist',
    noMilestones: 'Ingen milepæle endnu',
    period: 'Seneste periodestatus',
    meeting: 'Netværksmøde',
    past: 'Status for perioden',
    next: 'Mål for næste periode',
    review: 'Næste opfølgning',
    noPeriod: 'Ingen periodestatus endnu',
    overdue: 'overskredet',
    achievedOn: 'nået',
    printed: 'Udskrevet',
    plan: { DRAFT: 'Kladde', ACTIVE: 'Aktiv', COMPLETED: 'Afsluttet', ABANDONED: 'Opgivet' },
    ms: {
      PLANNED: 'Planlagt',
      IN_PROGRESS: 'I gang',
      ACHIEVED: 'Nået',
      MISSED: 'Ikke nået',
      REVISED: 'Revideret',
      DROPPED: 'Droppet',
      PROPOSED: 'Foreslået',
    },
  },
  EN: {
    title: "The citizen's plan",
    for: 'Plan for',
    goal: 'Long-term goal',
    words: 'In my own words',
    none: 'Not written yet',
    start: 'Start date',
    status: 'Status',
    milestones: 'Milestones',
    milestone: 'Milestone',
    deadline: 'Deadline',
    noMilestones: 'No milestones yet',
    period: 'Latest period status',
    meeting: 'Network meeting',
    past: 'Status of the period',
    next: 'Goals for the next period',
    review: 'Next review',
    noPeriod: 'No period status yet',
    overdue: 'overdue',
    achievedOn: 'achieved',
    printed: 'Printed',
    plan: { DRAFT: 'Draft', ACTIVE: 'Active', COMPLETED: 'Completed', ABANDONED: 'Abandoned' },
    ms: {
      PLANNED: 'Planned',
      IN_PROGRESS: 'In progress',
      ACHIEVED: 'Achieved',
      MISSED: 'Missed',
      REVISED: 'Revised',
      DROPPED: 'Dropped',
      PROPOSED: 'Proposed',
    },
  },
} as const;

const STYLE = `
  body { font-family: Georgia, 'Times New Roman', serif; max-width: 46rem; margin: 2rem auto; color: #111; line-height: 1.45; }
  h1 { font-size: 1.6rem; border-bottom: 2px solid #111; padding-bottom: .3rem; }
  h2 { font-size: 1.15rem; margin-top: 1.6rem; }
  table { width: 100%; border-collapse: collapse; }
  th, td { text-align: left; padding: .35rem .4rem; border-bottom: 1px solid #999; vertical-align: top; }
  .overdue { font-weight: bold; }
  blockquote { margin: 0; padding-left: 1rem; border-left: 3px solid #999; white-space: pre-wrap; }
  p.text { white-space: pre-wrap; }
  footer { margin-top: 2rem; font-size: .8rem; color: #555; }
  @media print {
    @page { size: A4; margin: 18mm; }
    body { margin: 0; max-width: none; font-size: 11pt; }
    tr, blockquote, section { page-break-inside: avoid; }
    footer { position: fixed; bottom: 0; }
  }`;

/** A print-ready HTML page of the plan for the citizen to take home; every text is escaped. */
export function renderPlanHtml(plan: PrintablePlan, language: PrintLanguage, today: string): string {
  const t = LABELS[language];
  const e = (s: string) => escapeHtml(s);
  const rows = plan.milestones
    .map((m) => {
      const late = isOverdue(m, today);
      const status = `${t.ms[m.status]}${m.achievedAt ? ` (${t.achievedOn} ${m.achievedAt})` : ''}${late ? ` – ${t.overdue}` : ''}`;
      return (
        `<tr class="milestone${late ? ' overdue' : ''}"><td>${e(m.title)}${m.description ? `<br><small>${e(m.description)}</small>` : ''}</td>` +
        `<td>${e(m.deadline)}</td><td>${e(status)}</td></tr>`
      );
    })
    .join('\n');
  const period = plan.latestPeriod
    ? `<p><strong>${t.meeting}:</strong> ${e(plan.latestPeriod.meetingDate)}</p>
    <h3>${t.past}</h3><p class="text">${e(plan.latestPeriod.pastPeriodStatus)}</p>
    <h3>${t.next}</h3><p class="text">${e(plan.latestPeriod.nextPeriodGoals)}</p>` +
      (plan.latestPeriod.nextReviewDate ? `<p><strong>${t.review}:</strong> ${e(plan.latestPeriod.nextReviewDate)}</p>` : '')
    : `<p>${t.noPeriod}</p>`;
  return `<!DOCTYPE html>
<html lang="${language.toLowerCase()}">
<head>
  <meta charset="utf-8">
  <title>${t.title}</title>
  <style>${STYLE}</style>
</head>
<body>
  <h1>${t.title}</h1>
  ${plan.citizenName ? `<p id="citizen"><strong>${t.for}:</strong> ${e(plan.citizenName)}</p>` : ''}
  <p><strong>${t.start}:</strong> ${e(plan.startDate)} &middot; <strong>${t.status}:</strong> ${t.plan[plan.status]}</p>
  <section id="goal"><h2>${t.goal}</h2><p class="text">${e(plan.longTermGoal)}</p></section>
  <section id="citizen-perspective"><h2>${t.words}</h2>${plan.citizenPerspective ? `<blockquote>${e(plan.citizenPerspective)}</blockquote>` : `<p>${t.none}</p>`}</section>
  <section id="milestones"><h2>${t.milestones}</h2>
  ${
    plan.milestones.length
      ? `<table><thead><tr><th>${t.milestone}</th><th>${t.deadline}</th><th>${t.status}</th></tr></thead><tbody>
${rows}
  </tbody></table>`
      : `<p>${t.noMilestones}</p>`
  }</section>
  <section id="period"><h2>${t.period}</h2>${period}</section>
  <footer>${t.printed} ${e(today)}</footer>
</body>
</html>
`;
}
