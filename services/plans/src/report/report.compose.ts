import { LABELS } from '../plan/plan.print';
import { ReportKind } from './report.enums';
import { REPORT_TITLES } from './report.rules';

/**
 * Composes a report of a course from what the plan, its progression and the meetings of the
 * period hold, in Danish: a list of sections (heading, paragraphs, a table), stored with the
 * report and turned into its plain text and its PDF. Pure: the material is gathered elsewhere
 * (report.material.ts).
 */

export interface ReportSection {
  heading: string;
  paragraphs?: string[];
  table?: { head: string[]; rows: string[][] };
}

/** The referral a report is about (copied from placements when drafted); its own section "Tilbud". */
export interface ReportReferral {
  providerName: string;
  kind: string;
  purpose: string | null;
  startDate: string;
  endDate: string | null;
  status: string;
  outcome: string | null;
  result: string | null;
}

export interface ReportMaterial {
  kind: ReportKind;
  /** Set when the report is about one of the citizen's referrals rather than the plan as a whole. */
  referral?: ReportReferral | null;
  citizenName: string;
  plan: { longTermGoal: string; startDate: string; plannedEndDate: string | null; endDate: string | null };
  periodFrom: string;
  periodTo: string;
  evaluation: string;
  author: { name: string; role: string };
  version: number;
  previous: { version: number; draftedAt: Date } | null;
  milestones: {
    title: string;
    deadline: string;
    status: string;
    achievedAt: string | null;
    updates: { at: Date; authorName: string; note: string }[];
  }[];
  progress: { assessedAt: string; assessedBy: 'STAFF' | 'CITIZEN'; scores: { dimension: string; score: number }[] }[];
  meetings: { kind: string; scheduledAt: Date; status: string; summary: string | null }[];
  agreements: { text: string; responsible: string; status: string; deadline: string | null; agreedOn: string }[];
  attendance: { courseTitle: string; sessions: number; present: number; absent: number; excused: number }[];
}

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/** "2026-03-01" → "1. marts 2026". */
export function danishDate(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return `${d}. ${MONTHS[m - 1]} ${y}`;
}

/** The Copenhagen calendar day of an instant. */
const copenhagenDay = (at: Date) => at.toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });

export const periodText = (from: string, to: string) => `${danishDate(from)} – ${danishDate(to)}`;

const ROLE = {
  CASEWORKER: 'sagsbehandler',
  RESOURCE_CONSULTANT: 'ressourcekonsulent',
  JOB_CONSULTANT: 'jobkonsulent',
  TEAM_LEAD: 'leder',
} as Record<string, string>;
const MEETING_KIND: Record<string, string> = {
  FOLLOW_UP: 'Opfølgningssamtale',
  WALK_AND_TALK: 'Walk and talk',
  NETWORK_MEETING: 'Netværksmøde',
  PLACEMENT_KICKOFF: 'Opstartsmøde i praktik',
  PLACEMENT_FOLLOW_UP: 'Opfølgning i praktik',
  HOME_VISIT: 'Hjemmebesøg',
};
const MEETING_STATUS: Record<string, string> = {
  PLANNED: 'Planlagt',
  HELD: 'Afholdt',
  CANCELLED: 'Aflyst',
  NO_SHOW: 'Udeblevet',
  EXCUSED: 'Lovligt forfald',
};
const RESPONSIBLE: Record<string, string> = {
  CITIZEN: 'Borgeren',
  CASEWORKER: 'Sagsbehandler',
  RESOURCE_CONSULTANT: 'Ressourcekonsulent',
  JOB_CONSULTANT: 'Jobkonsulent',
  RELATIVE: 'Pårørende',
  SUPPORT_PERSON: 'Støtteperson',
  EMPLOYER: 'Arbejdsgiver',
  OTHER: 'Andre',
};
const AGREEMENT_STATUS: Record<string, string> = { OPEN: 'Åben', DONE: 'Udført', DROPPED: 'Droppet' };
const DIMENSION: Record<string, string> = {
  JOB_SKILLS_EXPERIENCE: 'Faglige kompetencer og erfaring',
  ASPIRATION_MOTIVATION: 'Motivation',
  JOB_SEARCH_SKILLS: 'Jobsøgning',
  STABILITY: 'Stabilitet',
  BASIC_SKILLS: 'Basale færdigheder',
  WORKPLACE_SOCIAL_SKILLS: 'Sociale kompetencer',
  HEALTH_WELLBEING: 'Helbred og trivsel',
  SELF_ESTEEM: 'Selvværd',
  COPING: 'Mestring',
  NETWORK: 'Netværk',
  DAILY_STRUCTURE: 'Struktur i hverdagen',
};
const MILESTONE_STATUS = LABELS.DA.ms as Record<string, string>;
const OFFER_KIND: Record<string, string> = {
  UPSKILLING: 'Opkvalificering',
  EDUCATION: 'Uddannelse',
  MENTOR: 'Mentorstøtte',
  TREATMENT: 'Behandling',
  HEALTH: 'Sundhedstilbud',
  CIVIL_SOCIETY: 'Forening eller frivillige',
  FAMILY_SUPPORT: 'Familiestøtte',
  GUIDANCE: 'Vejledning',
};
const REFERRAL_STATUS: Record<string, string> = { PROPOSED: 'Foreslået', ACTIVE: 'I gang', COMPLETED: 'Afsluttet', CANCELLED: 'Afbrudt' };
const REFERRAL_RESULT: Record<string, string> = {
  COMPLETED_AS_PLANNED: 'Gennemført som planlagt',
  WORK: 'Førte til arbejde',
  EDUCATION: 'Førte til uddannelse',
  DROPPED_OUT: 'Afbrudt af borgeren',
  OTHER: 'Andet',
};

/** The section "Tilbud": the referral the report is about (provider, kind, purpose, period, status). */
function referralSection(r: ReportReferral): ReportSection {
  return {
    heading: 'Tilbud',
    paragraphs: [
      `Tilbudsgiver: ${r.providerName}`,
      `Tilbud: ${OFFER_KIND[r.kind] ?? r.kind}`,
      ...(r.purpose ? [`Formål: ${r.purpose}`] : []),
      `Periode: ${r.endDate ? periodText(r.startDate, r.endDate) : `fra ${danishDate(r.startDate)}`}`,
      `Status: ${REFERRAL_STATUS[r.status] ?? r.status}`,
      ...(r.result ? [`Resultat: ${REFERRAL_RESULT[r.result] ?? r.result}`] : []),
      ...(r.outcome ? [`Udfald: ${r.outcome}`] : []),
    ],
  };
}

/** First and latest score per dimension of one assessor's assessments (oldest first). */
function scoreChange(assessments: ReportMaterial['progress']): Map<string, { first: string; latest: string }> {
  const byDimension = new Map<string, { first: string; latest: string }>();
  for (const a of assessments) {
    for (const s of a.scores) {
      const cell = `${s.score} (${danishDate(a.assessedAt)})`;
      const seen = byDimension.get(s.dimension);
      byDimension.set(s.dimension, { first: seen?.first ?? cell, latest: cell });
    }
  }
  return byDimension;
}

/** The report's sections, in the order they are read. */
export function composeReport(m: ReportMaterial): ReportSection[] {
  const inPeriod = (day: string) => day >= m.periodFrom && day <= m.periodTo;
  // A referral's course runs on the referral's dates; the plan's otherwise.
  const courseStart = m.referral ? m.referral.startDate : m.plan.startDate;
  const courseEnd = m.referral ? m.referral.endDate : (m.plan.endDate ?? m.plan.plannedEndDate);
  const sections: ReportSection[] = [
    {
      heading: 'Forløbet',
      paragraphs: [
        `Borger: ${m.citizenName}`,
        `Handleplanens mål: ${m.plan.longTermGoal}`,
        `Forløbets periode: ${courseEnd ? periodText(courseStart, courseEnd) : `fra ${danishDate(courseStart)}`}`,
        `Rapportens periode: ${periodText(m.periodFrom, m.periodTo)}`,
        `Udarbejdet af: ${m.author.name}${ROLE[m.author.role] ? `, ${ROLE[m.author.role]}` : ''}`,
        ...(m.previous
          ? [`Version ${m.version}: retter version ${m.previous.version} af ${danishDate(copenhagenDay(m.previous.draftedAt))}.`]
          : []),
      ],
    },
  ];
  if (m.referral) sections.push(referralSection(m.referral));

  sections.push({
    heading: 'Mål og delmål',
    paragraphs:
      m.milestones.length === 0
        ? ['Der er ingen delmål i handleplanen.']
        : m.milestones.flatMap((ms) => {
            const status = MILESTONE_STATUS[ms.status] ?? ms.status;
            const achieved = ms.achievedAt ? `, nået ${danishDate(ms.achievedAt)}` : '';
            const history = ms.updates
              .filter((u) => inPeriod(copenhagenDay(u.at)))
              .map((u) => `  ${danishDate(copenhagenDay(u.at))} (${u.authorName}): ${u.note}`);
            return [`${ms.title}: ${status}, frist ${danishDate(ms.deadline)}${achieved}.`, ...history];
          }),
  });

  const assessments = m.progress.filter((a) => inPeriod(a.assessedAt));
  const staff = scoreChange(assessments.filter((a) => a.assessedBy === 'STAFF'));
  const own = scoreChange(assessments.filter((a) => a.assessedBy === 'CITIZEN'));
  const dimensions = Object.keys(DIMENSION).filter((d) => staff.has(d) || own.has(d));
  sections.push(
    dimensions.length === 0
      ? { heading: 'Progression', paragraphs: ['Der er ingen progressionsmålinger i perioden.'] }
      : {
          heading: 'Progression',
          paragraphs: ['Score 1–10 pr. område: fagpersonens vurdering og borgerens egen vurdering, første og seneste i perioden.'],
          table: {
            head: ['Område', 'Fagperson, første', 'Fagperson, seneste', 'Borgeren, første', 'Borgeren, seneste'],
            rows: dimensions.map((d) => [
              DIMENSION[d],
              staff.get(d)?.first ?? '–',
              staff.get(d)?.latest ?? '–',
              own.get(d)?.first ?? '–',
              own.get(d)?.latest ?? '–',
            ]),
          },
        },
  );

  sections.push(
    m.meetings.length === 0
      ? { heading: 'Møder', paragraphs: ['Der er ingen møder i perioden.'] }
      : {
          heading: 'Møder',
          table: {
            head: ['Dato', 'Møde', 'Status', 'Referat'],
            rows: m.meetings.map((x) => [
              danishDate(copenhagenDay(new Date(x.scheduledAt))),
              MEETING_KIND[x.kind] ?? x.kind,
              MEETING_STATUS[x.status] ?? x.status,
              x.summary ?? '',
            ]),
          },
        },
  );
  sections.push(
    m.agreements.length === 0
      ? { heading: 'Aftaler', paragraphs: ['Der er ingen aftaler fra møder i perioden.'] }
      : {
          heading: 'Aftaler',
          table: {
            head: ['Aftale', 'Ansvarlig', 'Status', 'Frist'],
            rows: m.agreements.map((a) => [
              a.text,
              RESPONSIBLE[a.responsible] ?? a.responsible,
              AGREEMENT_STATUS[a.status] ?? a.status,
              a.deadline ? danishDate(a.deadline) : '–',
            ]),
          },
        },
  );
  sections.push(
    m.attendance.length === 0
      ? { heading: 'Fremmøde i gruppeforløb', paragraphs: ['Borgeren har ikke deltaget i gruppeforløb i perioden.'] }
      : {
          heading: 'Fremmøde i gruppeforløb',
          table: {
            head: ['Forløb', 'Gange', 'Mødt', 'Fravær', 'Lovligt forfald'],
            rows: m.attendance.map((a) => [a.courseTitle, `${a.sessions}`, `${a.present}`, `${a.absent}`, `${a.excused}`]),
          },
        },
  );
  sections.push({
    heading:
      m.kind === ReportKind.FINAL ? 'Evaluering og forslag til videre foranstaltninger' : 'Evaluering og forslag til videre handleplan',
    paragraphs: m.evaluation
      .split(/\n{2,}/)
      .map((p) => p.trim())
      .filter(Boolean),
  });
  return sections;
}

/** The report's subtitle: whose course and which period. */
export const reportSubtitle = (citizenName: string, periodFrom: string, periodTo: string) =>
  `${citizenName}, ${periodText(periodFrom, periodTo)}`;

/** The whole report as plain text: title, subtitle, then each section (a table's rows as lines). */
export function reportText(kind: ReportKind, subtitle: string, sections: ReportSection[]): string {
  const lines = [REPORT_TITLES[kind], subtitle];
  for (const s of sections) {
    lines.push('', s.heading.toUpperCase(), ...(s.paragraphs ?? []));
    if (s.table) {
      lines.push(s.table.head.join(' | '));
      for (const row of s.table.rows) lines.push(row.join(' | '));
    }
  }
  return lines.join('\n');
}
