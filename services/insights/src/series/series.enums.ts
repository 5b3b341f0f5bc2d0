import { registerEnumType } from 'type-graphql';

/** The figures a dashboard can ask for as monthly series. */
export enum Measure {
  CITIZENS_ACTIVE = 'CITIZENS_ACTIVE',
  MILESTONES_ACHIEVED = 'MILESTONES_ACHIEVED',
  MILESTONES_MISSED = 'MILESTONES_MISSED',
  MILESTONES_OVERDUE = 'MILESTONES_OVERDUE',
  NETWORK_MEETINGS_OVERDUE = 'NETWORK_MEETINGS_OVERDUE',
  MEETINGS_HELD = 'MEETINGS_HELD',
  NO_SHOWS = 'NO_SHOWS',
  COURSE_ATTENDANCE_RATE = 'COURSE_ATTENDANCE_RATE',
  PLACEMENTS_ACTIVE = 'PLACEMENTS_ACTIVE',
  PLACEMENTS_COMPLETED = 'PLACEMENTS_COMPLETED',
  PLACEMENTS_TO_WORK_OR_EDUCATION = 'PLACEMENTS_TO_WORK_OR_EDUCATION',
  REFERRALS_ACTIVE = 'REFERRALS_ACTIVE',
  REFERRALS_ENDED = 'REFERRALS_ENDED',
  PROGRESSION_CHANGE = 'PROGRESSION_CHANGE',
}

/** What a series is broken down by: the citizen's attributes at the end of each month. */
export enum Breakdown {
  NONE = 'NONE',
  TARGET_GROUP = 'TARGET_GROUP',
  TEAM = 'TEAM',
  AGE_BAND = 'AGE_BAND',
  TIME_IN_PROGRAMME = 'TIME_IN_PROGRAMME',
  OFFER_KIND = 'OFFER_KIND',
  RESULT = 'RESULT',
}

const MEASURE_DESCRIPTIONS: Record<Measure, string> = {
  CITIZENS_ACTIVE: 'Citizens with status ACTIVE at the end of the month.',
  MILESTONES_ACHIEVED: 'Milestones marked ACHIEVED during the month.',
  MILESTONES_MISSED: 'Milestones marked MISSED during the month.',
  MILESTONES_OVERDUE: 'Milestones still PLANNED or IN_PROGRESS at the end of the month with their deadline passed.',
  NETWORK_MEETINGS_OVERDUE:
    'Active citizens at the end of the month whose last held network meeting is older than 3 months (or who have none after 3 months in the programme).',
  MEETINGS_HELD: 'Meetings held that were scheduled in the month.',
  NO_SHOWS: 'Meetings scheduled in the month where the citizen did not show up.',
  COURSE_ATTENDANCE_RATE: 'Group course sessions in the month: present / (present + absent); excused absences are left out.',
  PLACEMENTS_ACTIVE: 'Placements running on the last day of the month.',
  PLACEMENTS_COMPLETED: 'Placements completed with their end date in the month.',
  PLACEMENTS_TO_WORK_OR_EDUCATION: 'Placements completed in the month that ended in ordinary employment or education.',
  REFERRALS_ACTIVE:
    'Referrals to offers (tilbud: treatment, courses, mentor, associations …) running at the end of the month: started and not yet ended.',
  REFERRALS_ENDED:
    'Referrals that ended in the month (completed, or called off after they had started); broken down by RESULT it shows what they led to.',
  PROGRESSION_CHANGE:
    "Average change of a progression score (1–10) recorded in the month against the same citizen's previous score on that dimension.",
};

registerEnumType(Measure, {
  name: 'Measure',
  description: 'A figure of the dashboard, as a monthly series.',
  valuesConfig: Object.fromEntries(Object.entries(MEASURE_DESCRIPTIONS).map(([k, description]) => [k, { description }])),
});

registerEnumType(Breakdown, {
  name: 'Breakdown',
  description: "What to break a series down by: the citizen's attributes at the end of each month.",
  valuesConfig: {
    NONE: { description: 'No breakdown: one point per month.' },
    TARGET_GROUP: { description: 'Legal target group (målgruppe).' },
    TEAM: { description: 'Team of the responsible caseworker; UNASSIGNED when none.' },
    AGE_BAND: { description: 'Age in the month: 18-24, 25-29, 30-39, 40-49, 50+ (UNKNOWN without a birth year).' },
    TIME_IN_PROGRAMME: { description: 'Months since enrolment at the end of the month: 0-5, 6-11, 12-23, 24+.' },
    OFFER_KIND: { description: 'Kind of offer (OfferKind); referral measures only (REFERRALS_ACTIVE, REFERRALS_ENDED).' },
    RESULT: { description: 'Coded result of the referral (ReferralResult; UNKNOWN when none was recorded); REFERRALS_ENDED only.' },
  },
});

/** Breakdowns that describe a referral rather than the citizen, and the measures they apply to. */
export const REFERRAL_BREAKDOWNS: Partial<Record<Breakdown, readonly Measure[]>> = {
  [Breakdown.OFFER_KIND]: [Measure.REFERRALS_ACTIVE, Measure.REFERRALS_ENDED],
  [Breakdown.RESULT]: [Measure.REFERRALS_ENDED],
};
