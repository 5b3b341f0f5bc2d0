import { registerEnumType } from 'type-graphql';

export enum ConsentPartyKind {
  DOCTOR = 'DOCTOR',
  EMPLOYER = 'EMPLOYER',
  ASSOCIATION = 'ASSOCIATION',
  RELATIVE = 'RELATIVE',
  PROVIDER = 'PROVIDER',
  OTHER = 'OTHER',
}
registerEnumType(ConsentPartyKind, {
  name: 'ConsentPartyKind',
  description: 'Who a consent lets the jobcenter share with (modtager).',
  valuesConfig: {
    DOCTOR: { description: 'A doctor or the health service (læge)' },
    EMPLOYER: { description: 'An employer: the company of a placement (`companyId`) (arbejdsgiver)' },
    ASSOCIATION: { description: 'An association or volunteer group (forening, frivillige); a civil-society provider (`providerId`)' },
    RELATIVE: { description: 'A relative or someone else in the network (pårørende)' },
    PROVIDER: { description: 'A course provider, school, treatment centre or mentor (`providerId`) (leverandør)' },
    OTHER: { description: 'Someone else, named in `party`' },
  },
});

/** What was shared under a consent (a disclosure's `what`). */
export enum DisclosureKind {
  FOLLOW_UP_NOTES = 'FOLLOW_UP_NOTES',
  REFERRAL = 'REFERRAL',
}
registerEnumType(DisclosureKind, {
  name: 'DisclosureKind',
  description: 'What was shared under a consent (videregivelse).',
  valuesConfig: {
    FOLLOW_UP_NOTES: { description: "A placement's follow-up notes, shared with the employer" },
    REFERRAL: { description: 'A referral, shared with the provider (a civil-society association)' },
  },
});
