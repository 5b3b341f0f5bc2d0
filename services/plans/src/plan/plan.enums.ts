import { registerEnumType } from 'type-graphql';

export enum PlanStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  ABANDONED = 'ABANDONED',
}
registerEnumType(PlanStatus, {
  name: 'PlanStatus',
  description: 'Where the action plan (handleplan) stands. COMPLETED and ABANDONED are final.',
  valuesConfig: {
    DRAFT: { description: 'Being written with the citizen; not yet in force (kladde)' },
    ACTIVE: { description: 'The plan in force; a citizen has at most one (aktiv)' },
    COMPLETED: { description: 'The goal was reached or the course ended as planned (afsluttet)' },
    ABANDONED: { description: 'Given up or replaced by a new plan (opgivet)' },
  },
});

export enum PrintLanguage {
  DA = 'DA',
  EN = 'EN',
}
registerEnumType(PrintLanguage, { name: 'PrintLanguage', description: 'Language of the printable plan: Danish (DA) or English (EN).' });
