import { registerEnumType } from 'type-graphql';

export enum MeetingKind {
  FOLLOW_UP = 'FOLLOW_UP',
  WALK_AND_TALK = 'WALK_AND_TALK',
  NETWORK_MEETING = 'NETWORK_MEETING',
  PLACEMENT_KICKOFF = 'PLACEMENT_KICKOFF',
  PLACEMENT_FOLLOW_UP = 'PLACEMENT_FOLLOW_UP',
  HOME_VISIT = 'HOME_VISIT',
}
registerEnumType(MeetingKind, {
  name: 'MeetingKind',
  description: 'What kind of meeting (mødetype).',
  valuesConfig: {
    FOLLOW_UP: { description: 'Individual follow-up conversation (opfølgningssamtale), about every 14 days' },
    WALK_AND_TALK: { description: "Follow-up conversation while walking (walk 'n' talk)" },
    NETWORK_MEETING: {
      description: 'Network meeting (netværksmøde) every 2–3 months: citizen, resource consultant, caseworker and job consultant',
    },
    PLACEMENT_KICKOFF: { description: 'Kick-off meeting with the company before a placement (opstartsmøde)' },
    PLACEMENT_FOLLOW_UP: { description: 'Follow-up during a placement (opfølgning i praktik)' },
    HOME_VISIT: { description: 'Home visit (hjemmebesøg)' },
  },
});

export enum MeetingStatus {
  PLANNED = 'PLANNED',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
  NO_SHOW = 'NO_SHOW',
  EXCUSED = 'EXCUSED',
}
registerEnumType(MeetingStatus, {
  name: 'MeetingStatus',
  description: 'Where a meeting stands.',
  valuesConfig: {
    PLANNED: { description: 'Booked, no outcome yet (planlagt)' },
    HELD: { description: 'Held (afholdt); minutes and agreements may be recorded' },
    CANCELLED: { description: 'Cancelled with a reason (aflyst)' },
    NO_SHOW: { description: 'The citizen did not come and gave no lawful excuse (udeblevet)' },
    EXCUSED: { description: 'The citizen had a lawful excuse (lovligt forfald); not a no-show' },
  },
});

/** Outcomes a caseworker records after the meeting has started. */
export const OUTCOME_STATUSES: readonly MeetingStatus[] = [MeetingStatus.HELD, MeetingStatus.NO_SHOW, MeetingStatus.EXCUSED];

export enum ParticipantRole {
  CITIZEN = 'CITIZEN',
  CASEWORKER = 'CASEWORKER',
  RESOURCE_CONSULTANT = 'RESOURCE_CONSULTANT',
  JOB_CONSULTANT = 'JOB_CONSULTANT',
  RELATIVE = 'RELATIVE',
  SUPPORT_PERSON = 'SUPPORT_PERSON',
  EMPLOYER = 'EMPLOYER',
  OTHER = 'OTHER',
}
registerEnumType(ParticipantRole, {
  name: 'ParticipantRole',
  description: 'The role in which someone takes part in a meeting (deltager).',
  valuesConfig: {
    CITIZEN: { description: 'The citizen (borger)' },
    CASEWORKER: { description: 'Caseworker (sagsbehandler); a staff member' },
    RESOURCE_CONSULTANT: { description: 'Resource consultant (ressourcekonsulent); a staff member' },
    JOB_CONSULTANT: { description: 'Job consultant (jobkonsulent); a staff member' },
    RELATIVE: { description: 'Relative (pårørende)' },
    SUPPORT_PERSON: { description: 'Support contact person (støtte-kontaktperson)' },
    EMPLOYER: { description: 'Employer or company contact (virksomhed)' },
    OTHER: { description: 'Someone else, e.g. a team lead or an interpreter' },
  },
});

/** Roles that are filled by a jobcenter staff member (staffId required). */
export const STAFF_PARTICIPANT_ROLES: readonly ParticipantRole[] = [
  ParticipantRole.CASEWORKER,
  ParticipantRole.RESOURCE_CONSULTANT,
  ParticipantRole.JOB_CONSULTANT,
];
/** Roles filled by a person outside the jobcenter (name required). */
export const NAMED_PARTICIPANT_ROLES: readonly ParticipantRole[] = [
  ParticipantRole.RELATIVE,
  ParticipantRole.SUPPORT_PERSON,
  ParticipantRole.EMPLOYER,
];
