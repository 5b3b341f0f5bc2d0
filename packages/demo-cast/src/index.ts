/**
 * The cast of the demo data: the citizens of the seed stories (Ryslinge, "Partnerskab mellem
 * kommune og virksomhed") and a small jobcenter team. Ids are fixed so every subgraph's demo
 * data can refer to the same people through federation, and the start command can print
 * tokens for them. CPR numbers are made up; they follow the format and century rules only.
 */

export const DEMO_TEAM = 'Team Ryslinge';

export const demoStaff = {
  inger: { id: '0b6f3a9e-1c2d-4e5f-8a1b-000000000001', name: 'Inger Holm', role: 'CASEWORKER', email: 'inger.holm@ryslinge.dk' },
  mette: { id: '0b6f3a9e-1c2d-4e5f-8a1b-000000000002', name: 'Mette Skov', role: 'CASEWORKER', email: 'mette.skov@ryslinge.dk' },
  anders: {
    id: '0b6f3a9e-1c2d-4e5f-8a1b-000000000003',
    name: 'Anders Lund',
    role: 'RESOURCE_CONSULTANT',
    email: 'anders.lund@ryslinge.dk',
  },
  sofie: { id: '0b6f3a9e-1c2d-4e5f-8a1b-000000000004', name: 'Sofie Berg', role: 'RESOURCE_CONSULTANT', email: 'sofie.berg@ryslinge.dk' },
  jens: { id: '0b6f3a9e-1c2d-4e5f-8a1b-000000000005', name: 'Jens Kjær', role: 'JOB_CONSULTANT', email: 'jens.kjaer@ryslinge.dk' },
  lone: { id: '0b6f3a9e-1c2d-4e5f-8a1b-000000000006', name: 'Lone Friis', role: 'TEAM_LEAD', email: 'lone.friis@ryslinge.dk' },
  karin: { id: '0b6f3a9e-1c2d-4e5f-8a1b-000000000007', name: 'Karin Dahl', role: 'ANALYST', email: 'karin.dahl@ryslinge.dk' },
} as const;

export const demoCitizens = {
  per: { id: '5e7d1c2b-3a4f-4b6c-9d8e-000000000001', firstName: 'Per', lastName: 'Hansen', cpr: '140391-1235' },
  ulla: { id: '5e7d1c2b-3a4f-4b6c-9d8e-000000000002', firstName: 'Ulla', lastName: 'Jensen', cpr: '020787-1428' },
  svend: { id: '5e7d1c2b-3a4f-4b6c-9d8e-000000000003', firstName: 'Svend', lastName: 'Madsen', cpr: '230994-1017' },
  line: { id: '5e7d1c2b-3a4f-4b6c-9d8e-000000000004', firstName: 'Line', lastName: 'Petersen', cpr: '110605-4326' },
  bent: { id: '5e7d1c2b-3a4f-4b6c-9d8e-000000000005', firstName: 'Bent', lastName: 'Nielsen', cpr: '080801-4153' },
} as const;

/** A demo person by name, for tests that sign someone in (e2e/). */
export type DemoStaffKey = keyof typeof demoStaff;
export type DemoCitizenKey = keyof typeof demoCitizens;

/**
 * Placements the meetings demo books kick-off meetings for (pathways, issue 19): the ids are fixed
 * here so meetings' demo can name them without knowing the placements subgraph.
 */
export const demoPlacements = {
  svendInternship: '9c2e4a6b-8d0f-4a1b-9c3d-000000000003',
  svendWageSubsidy: '9c2e4a6b-8d0f-4a1b-9c3d-000000000004',
  perInternship: '9c2e4a6b-8d0f-4a1b-9c3d-000000000008',
} as const;
