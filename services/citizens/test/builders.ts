import { randomUUID } from 'node:crypto';
import type { Actor } from '@jobcenter/kit';
import type { TestSubgraph } from '@jobcenter/kit/testing';

export const TEAM = 'Team Ryslinge';
export const teamLead: Actor = { id: randomUUID(), role: 'TEAM_LEAD', name: 'Lone Friis', team: TEAM };
export const analyst: Actor = { id: randomUUID(), role: 'ANALYST', name: 'Karin Dahl', team: TEAM };
export const staffActor = (staff: { id: string; role: string; name: string; team: string }): Actor => ({
  id: staff.id,
  role: staff.role as Actor['role'],
  name: staff.name,
  team: staff.team,
});
export const citizenActor = (citizen: { id: string; firstName: string }): Actor => ({
  id: citizen.id,
  role: 'CITIZEN',
  name: citizen.firstName,
});

let serial = 0;
/** A valid, unique CPR number for a person born in 1990 (7th digit 0–3: 1900s). */
export function nextCpr(): string {
  serial += 1;
  const day = String((serial % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(serial / 28) % 12) + 1).padStart(2, '0');
  const seq = String(1000 + Math.floor(serial / 336)).padStart(4, '0');
  return `${day}${month}90-${seq}`;
}

export const CITIZEN_FIELDS = 'id cpr firstName lastName birthDate email phone preferredContact targetGroup status enrolledAt version';

export async function createStaff(
  subgraph: { as: TestSubgraph['as'] },
  input: { name: string; role: string; team?: string; email?: string },
) {
  const res = await subgraph.as(
    teamLead,
    `mutation($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { id name role email team } }`,
    { input: { team: TEAM, email: `${randomUUID()}@ryslinge.dk`, ...input } },
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.createStaffMember as { id: string; name: string; role: string; email: string; team: string };
}

export async function registerCitizen(subgraph: { as: TestSubgraph['as'] }, by: Actor, input: Record<string, unknown> = {}) {
  const res = await subgraph.as(by, `mutation($input: RegisterCitizenInput!) { registerCitizen(input: $input) { ${CITIZEN_FIELDS} } }`, {
    input: { cpr: nextCpr(), firstName: 'Test', lastName: 'Person', targetGroup: 'ACTIVITY_READY', ...input },
  });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.registerCitizen as { id: string; firstName: string; lastName: string; cpr: string; version: number };
}

/** Assigns a staff member to a citizen (by the team lead), so the policy lets them in. */
export async function assign(subgraph: { as: TestSubgraph['as'] }, citizenId: string, staff: { id: string; role: string }, from?: string) {
  const res = await subgraph.as(
    teamLead,
    `mutation($c: ID!, $s: ID!, $r: StaffRole!, $f: Date) { assignStaff(citizenId: $c, staffId: $s, role: $r, from: $f) { id } }`,
    { c: citizenId, s: staff.id, r: staff.role, f: from },
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.assignStaff as { id: string };
}
