import { registerEnumType } from 'type-graphql';

/**
 * The legal target group (målgruppe), value for value as the citizens service defines it. This
 * subgraph only ever receives it from the citizens service (see `citizens.client.ts`) and
 * snapshots it on a placement; it is never taken from a client.
 */
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
