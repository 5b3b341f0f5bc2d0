import { registerEnumType } from 'type-graphql';

export enum TargetGroup {
  JOB_READY = 'JOB_READY',
  ACTIVITY_READY = 'ACTIVITY_READY',
  EDUCATION_READY = 'EDUCATION_READY',
  EDUCATION_ACTIVITY_READY = 'EDUCATION_ACTIVITY_READY',
  UNEMPLOYMENT_INSURANCE = 'UNEMPLOYMENT_INSURANCE',
  NEW_GRADUATE = 'NEW_GRADUATE',
  SICKNESS_BENEFIT = 'SICKNESS_BENEFIT',
  RESOURCE_PROGRAMME = 'RESOURCE_PROGRAMME',
  JOB_CLARIFICATION = 'JOB_CLARIFICATION',
  INTEGRATION = 'INTEGRATION',
  FAMILY_SUPPORT = 'FAMILY_SUPPORT',
}
registerEnumType(TargetGroup, {
  name: 'TargetGroup',
  description: 'The legal target group (målgruppe) the citizen is served under.',
  valuesConfig: {
    JOB_READY: { description: 'Job-ready cash benefit (jobparat kontanthjælp)' },
    ACTIVITY_READY: { description: 'Activity-ready cash benefit (aktivitetsparat kontanthjælp)' },
    EDUCATION_READY: { description: 'Education-ready education benefit (uddannelsesparat uddannelseshjælp)' },
    EDUCATION_ACTIVITY_READY: { description: 'Activity-ready education benefit (aktivitetsparat uddannelseshjælp)' },
    UNEMPLOYMENT_INSURANCE: { description: 'Unemployment insurance (dagpenge)' },
    NEW_GRADUATE: { description: 'New graduate (dimittend)' },
    SICKNESS_BENEFIT: { description: 'Sickness benefit (sygedagpenge)' },
    RESOURCE_PROGRAMME: { description: 'Resource programme (ressourceforløb)' },
    JOB_CLARIFICATION: { description: 'Job clarification programme (jobafklaringsforløb)' },
    INTEGRATION: { description: 'Integration programme (integrationsprogram)' },
    FAMILY_SUPPORT: { description: "Family support under the Children's Act / Social Services Act (barnets lov / serviceloven)" },
  },
});

export enum CitizenStatus {
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  SELF_SUPPORTING = 'SELF_SUPPORTING',
  CLOSED = 'CLOSED',
}
registerEnumType(CitizenStatus, {
  name: 'CitizenStatus',
  description: "Where the citizen's course stands.",
  valuesConfig: {
    ACTIVE: { description: 'In an active course (i forløb)' },
    PAUSED: { description: 'Course paused, e.g. during illness or treatment' },
    SELF_SUPPORTING: { description: 'Self-supporting (selvforsørgende): work or education' },
    CLOSED: { description: 'Course closed for another reason' },
  },
});

export enum ContactChannel {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
  SMS = 'SMS',
  LETTER = 'LETTER',
  IN_PERSON = 'IN_PERSON',
}
registerEnumType(ContactChannel, { name: 'ContactChannel', description: 'How the citizen prefers to be contacted.' });
