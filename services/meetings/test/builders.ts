import { randomUUID } from 'node:crypto';
import type { Actor } from '@jobcenter/kit';
import type { GraphQLResponse } from '@jobcenter/kit/testing';

export const TEAM = 'Team Ryslinge';

type Sender = { as<T = any>(actor: Actor, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> };

export const consultant = (name = 'Anders Lund'): Actor => ({ id: randomUUID(), role: 'RESOURCE_CONSULTANT', name, team: TEAM });
export const caseworker = (name = 'Inger Holm'): Actor => ({ id: randomUUID(), role: 'CASEWORKER', name, team: TEAM });
export const jobConsultant = (name = 'Jens Kjær'): Actor => ({ id: randomUUID(), role: 'JOB_CONSULTANT', name, team: TEAM });
export const teamLead: Actor = { id: randomUUID(), role: 'TEAM_LEAD', name: 'Lone Friis', team: TEAM };
export const analyst: Actor = { id: randomUUID(), role: 'ANALYST', name: 'Karin Dahl', team: TEAM };
export const citizen = (id = randomUUID(), name = 'Per Hansen'): Actor => ({ id, role: 'CITIZEN', name });

/** An instant `days` from now, at a whole hour, so tests never straddle "now" by accident. */
export function daysFromNow(days: number, hourUtc = 9): Date {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
}

export const MEETING_FIELDS = `id kind scheduledAt durationMinutes endsAt location status summary cancelReason
  agreements { text deadline } citizen { id } participants { role name staff { id } }`;

export async function scheduleMeeting(
  sender: Sender,
  by: Actor,
  input: { citizenId: string; kind?: string; scheduledAt: Date; durationMinutes?: number; participants?: unknown[]; location?: string },
) {
  const res = await sender.as(by, `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { ${MEETING_FIELDS} } }`, {
    input: { kind: 'FOLLOW_UP', durationMinutes: 60, ...input, scheduledAt: input.scheduledAt.toISOString() },
  });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.scheduleMeeting as { id: string; scheduledAt: string; status: string };
}

export async function recordOutcome(sender: Sender, by: Actor, id: string, input: Record<string, unknown>) {
  const res = await sender.as(
    by,
    `mutation($id: ID!, $input: MeetingOutcomeInput!) { recordMeetingOutcome(id: $id, input: $input) { id status } }`,
    {
      id,
      input,
    },
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.recordMeetingOutcome;
}

export async function createCourse(
  sender: Sender,
  by: Actor,
  input: { firstSessionAt: Date; facilitatorIds: string[]; capacity?: number; title?: string },
) {
  const res = await sender.as(
    by,
    `mutation($input: CreateGroupCourseInput!) { createGroupCourse(input: $input) {
        id title startDate endDate capacity facilitators { id } sessions { id number startsAt durationMinutes } } }`,
    {
      input: {
        title: 'Trivsel i hverdagen',
        topics: ['EVERYDAY_WELLBEING', 'MEDITATION_RELAXATION'],
        ...input,
        firstSessionAt: input.firstSessionAt.toISOString(),
      },
    },
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.createGroupCourse as {
    id: string;
    startDate: string;
    sessions: { id: string; number: number; startsAt: string }[];
  };
}

export async function enroll(sender: Sender, by: Actor, courseId: string, citizenId: string) {
  return sender.as(
    by,
    `mutation($c: ID!, $p: ID!) { enrollInCourse(courseId: $c, citizenId: $p) { enrolledAt citizen { id } course { id } } }`,
    {
      c: courseId,
      p: citizenId,
    },
  );
}

/** A new citizen id in the caseload of these staff members (as assignments in the citizens service's stand-in). */
export function citizenInCaseloadOf(grants: { assign(staff: Actor, citizenId: string): void }, ...staff: Actor[]) {
  const id = randomUUID();
  for (const s of staff) grants.assign(s, id);
  return id;
}
