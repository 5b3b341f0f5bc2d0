import { registerEnumType } from 'type-graphql';

export enum ReportKind {
  MIDWAY_STATUS = 'MIDWAY_STATUS',
  FINAL = 'FINAL',
}
registerEnumType(ReportKind, {
  name: 'ReportKind',
  description: 'Which report of a course of support (forløb) this is.',
  valuesConfig: {
    MIDWAY_STATUS: {
      description: 'Status report halfway through the course, with evaluation and proposal for the plan ahead (statusrapport midtvejs)',
    },
    FINAL: { description: 'Final report at the end of the course, with proposals for further measures (afslutningsrapport)' },
  },
});

export enum ReportStatus {
  DRAFT = 'DRAFT',
  APPROVED = 'APPROVED',
  SHARED = 'SHARED',
}
registerEnumType(ReportStatus, {
  name: 'ReportStatus',
  description: 'DRAFT → APPROVED (team lead) → SHARED (the citizen sees it). A shared report is never changed.',
  valuesConfig: {
    DRAFT: { description: "The author's working copy; the citizen does not see it (kladde)" },
    APPROVED: { description: 'Approved by the team lead, not yet shared with the citizen (godkendt)' },
    SHARED: { description: 'Shared with the citizen, who may add their comment; never changed again (delt)' },
  },
});
