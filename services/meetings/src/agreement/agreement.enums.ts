import { registerEnumType } from 'type-graphql';

export enum AgreementStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
  DROPPED = 'DROPPED',
}
registerEnumType(AgreementStatus, {
  name: 'AgreementStatus',
  description: 'Where an agreement from a meeting stands.',
  valuesConfig: {
    OPEN: { description: 'Still to be done (åben)' },
    DONE: { description: 'Done (udført)' },
    DROPPED: { description: 'Dropped, with a note saying why (droppet)' },
  },
});
