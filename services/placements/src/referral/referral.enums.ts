import { registerEnumType } from 'type-graphql';

export enum ReferralStatus {
  PROPOSED = 'PROPOSED',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ReferralStatus, {
  name: 'ReferralStatus',
  description: 'PROPOSED → ACTIVE → COMPLETED, or CANCELLED from PROPOSED or ACTIVE.',
  valuesConfig: {
    PROPOSED: { description: 'Proposed to the citizen and the provider (foreslået)' },
    ACTIVE: { description: 'Under way (i gang)' },
    COMPLETED: { description: 'Completed (afsluttet)' },
    CANCELLED: { description: 'Called off (afbrudt eller aflyst)' },
  },
});

/** The coded result of a referral: what statistics and events use (the free-text `outcome` never leaves the subgraph). */
export enum ReferralResult {
  COMPLETED_AS_PLANNED = 'COMPLETED_AS_PLANNED',
  WORK = 'WORK',
  EDUCATION = 'EDUCATION',
  DROPPED_OUT = 'DROPPED_OUT',
  OTHER = 'OTHER',
}
registerEnumType(ReferralResult, {
  name: 'ReferralResult',
  description: 'What a completed or called-off referral led to, as a code (resultat).',
  valuesConfig: {
    COMPLETED_AS_PLANNED: { description: 'Completed as planned (gennemført som planlagt)' },
    WORK: { description: 'Led to work (førte til arbejde)' },
    EDUCATION: { description: 'Led to education (førte til uddannelse)' },
    DROPPED_OUT: { description: 'The citizen dropped out (afbrudt af borgeren)' },
    OTHER: { description: 'Other (andet)' },
  },
});
