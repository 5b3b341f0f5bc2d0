import { registerEnumType } from 'type-graphql';

export enum MilestoneStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  ACHIEVED = 'ACHIEVED',
  MISSED = 'MISSED',
  REVISED = 'REVISED',
  DROPPED = 'DROPPED',
  PROPOSED = 'PROPOSED',
}
registerEnumType(MilestoneStatus, {
  name: 'MilestoneStatus',
  description: 'Where a milestone (milepæl) stands. ACHIEVED, REVISED and DROPPED are final.',
  valuesConfig: {
    PLANNED: { description: 'Agreed, not started (planlagt)' },
    IN_PROGRESS: { description: 'Being worked on (i gang)' },
    ACHIEVED: { description: 'Reached (nået); final' },
    MISSED: { description: 'The deadline passed without reaching it (ikke nået); can still be achieved late, revised or dropped' },
    REVISED: { description: 'Replaced by a revised milestone (revideret), see `replacedBy`; final' },
    DROPPED: { description: 'No longer pursued (droppet); final. A declined proposal is DROPPED with its reason (`declineReason`)' },
    PROPOSED: {
      description:
        'Proposed by the citizen (foreslået af borgeren), until staff accept it (PLANNED) or decline it with a reason (DROPPED); not yet part of the plan',
    },
  },
});

export enum MilestoneResponsible {
  CITIZEN = 'CITIZEN',
  STAFF = 'STAFF',
  SHARED = 'SHARED',
}
registerEnumType(MilestoneResponsible, {
  name: 'MilestoneResponsible',
  description: 'Who carries the milestone.',
  valuesConfig: {
    CITIZEN: { description: 'The citizen (borgeren)' },
    STAFF: { description: 'A professional (fagperson)' },
    SHARED: { description: 'Citizen and professionals together (fælles)' },
  },
});
