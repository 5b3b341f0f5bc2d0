import { registerEnumType } from 'type-graphql';

export enum PlacementKind {
  INTERNSHIP = 'INTERNSHIP',
  WAGE_SUBSIDY_PRIVATE = 'WAGE_SUBSIDY_PRIVATE',
  WAGE_SUBSIDY_PUBLIC = 'WAGE_SUBSIDY_PUBLIC',
  ORDINARY_JOB = 'ORDINARY_JOB',
  FLEXJOB = 'FLEXJOB',
}
registerEnumType(PlacementKind, {
  name: 'PlacementKind',
  description: 'The kind of company placement.',
  valuesConfig: {
    INTERNSHIP: { description: 'Company internship (virksomhedspraktik), LAB § 61' },
    WAGE_SUBSIDY_PRIVATE: { description: 'Wage subsidy at a private employer (løntilskud, privat), LAB §§ 68–69' },
    WAGE_SUBSIDY_PUBLIC: { description: 'Wage subsidy at a public employer (løntilskud, offentlig), LAB §§ 68–69' },
    ORDINARY_JOB: { description: 'Ordinary job on ordinary terms (ordinært job); no legal maximum' },
    FLEXJOB: { description: 'Flexible job (fleksjob); no legal maximum' },
  },
});

export enum PlacementPurpose {
  CLARIFICATION = 'CLARIFICATION',
  UPSKILLING = 'UPSKILLING',
  RETENTION = 'RETENTION',
}
registerEnumType(PlacementPurpose, {
  name: 'PlacementPurpose',
  description: 'Why the placement is made.',
  valuesConfig: {
    CLARIFICATION: { description: "Clarify the citizen's abilities and possibilities (afklaring)" },
    UPSKILLING: { description: 'Upskill the citizen (opkvalificering)' },
    RETENTION: { description: 'Keep the citizen in a job (fastholdelse)' },
  },
});

export enum PlacementStatus {
  PROPOSED = 'PROPOSED',
  AGREED = 'AGREED',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(PlacementStatus, {
  name: 'PlacementStatus',
  description: 'PROPOSED → AGREED → ACTIVE → COMPLETED (with an outcome), or CANCELLED (with a reason) before completion.',
  valuesConfig: {
    PROPOSED: { description: 'Proposed to the citizen and company (foreslået)' },
    AGREED: { description: 'Agreed with the citizen and the company (aftalt)' },
    ACTIVE: { description: 'Under way (i gang)' },
    COMPLETED: { description: 'Completed, with an outcome (afsluttet)' },
    CANCELLED: { description: 'Called off, with a reason (aflyst)' },
  },
});

export enum PlacementOutcome {
  ORDINARY_EMPLOYMENT = 'ORDINARY_EMPLOYMENT',
  EDUCATION = 'EDUCATION',
  OTHER_PLACEMENT = 'OTHER_PLACEMENT',
  CONTINUED_SUPPORT = 'CONTINUED_SUPPORT',
  ENDED_WITHOUT_RESULT = 'ENDED_WITHOUT_RESULT',
}
registerEnumType(PlacementOutcome, {
  name: 'PlacementOutcome',
  description: 'What a completed placement led to.',
  valuesConfig: {
    ORDINARY_EMPLOYMENT: { description: 'Ordinary employment (ordinær beskæftigelse)' },
    EDUCATION: { description: 'Education (uddannelse)' },
    OTHER_PLACEMENT: { description: 'Another placement, e.g. wage subsidy after an internship' },
    CONTINUED_SUPPORT: { description: 'Continued support from the jobcenter' },
    ENDED_WITHOUT_RESULT: { description: 'Ended without result (afsluttet uden resultat)' },
  },
});

export enum AttentionReason {
  NO_RECENT_FOLLOW_UP = 'NO_RECENT_FOLLOW_UP',
  ENDING_SOON = 'ENDING_SOON',
  PAST_END_DATE = 'PAST_END_DATE',
}
registerEnumType(AttentionReason, {
  name: 'PlacementAttentionReason',
  description: 'Why an active placement needs the job consultant now.',
  valuesConfig: {
    NO_RECENT_FOLLOW_UP: { description: 'No follow-up (opfølgning) in the last 14 days, counting from the start date' },
    ENDING_SOON: { description: 'Ends within 14 days: plan what comes next' },
    PAST_END_DATE: { description: 'The end date has passed but the placement is not completed' },
  },
});
