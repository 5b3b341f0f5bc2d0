import { randomUUID } from 'node:crypto';
import type { Actor } from '@jobcenter/kit';
import type { GraphQLResponse } from '@jobcenter/kit/testing';

export const TEAM = 'Team Ryslinge';
export const teamLead: Actor = { id: randomUUID(), role: 'TEAM_LEAD', name: 'Lone Friis', team: TEAM };
export const analyst: Actor = { id: randomUUID(), role: 'ANALYST', name: 'Karin Dahl', team: TEAM };
export const caseworker: Actor = { id: randomUUID(), role: 'CASEWORKER', name: 'Inger Holm', team: TEAM };
export const citizenActor = (id: string, name = 'Borger'): Actor => ({ id, role: 'CITIZEN', name });
export const staffActor = (staff: { id: string; role: string; name: string; team: string }): Actor => ({
  id: staff.id,
  role: staff.role as Actor['role'],
  name: staff.name,
  team: staff.team,
});

type Sender = { as<T = any>(actor: Actor, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> };

/** The data of a response that must have no errors. */
export function ok<T = any>(res: GraphQLResponse<T>): T {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

let serial = 0;
/** A valid, unique CPR number for a person born in 1985. */
export function nextCpr(): string {
  serial += 1;
  const day = String((serial % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(serial / 28) % 12) + 1).padStart(2, '0');
  const seq = String(2000 + Math.floor(serial / 336) + (process.pid % 1000) * 3).padStart(4, '0');
  return `${day}${month}85-${seq}`;
}

const WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1];
let cvrSerial = Math.floor(Math.random() * 1_000_000);
/** A fresh CVR number that passes the modulus-11 check. */
export function nextCvr(): string {
  for (;;) {
    cvrSerial += 1;
    const cvr = String(20_000_000 + (cvrSerial % 70_000_000));
    if ([...cvr].reduce((s, d, i) => s + Number(d) * WEIGHTS[i], 0) % 11 === 0) return cvr;
  }
}

export async function createStaff(citizens: Sender, input: { name: string; role: string }) {
  const res = await citizens.as(
    teamLead,
    `mutation($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { id name role team } }`,
    { input: { team: TEAM, email: `${randomUUID()}@ryslinge.dk`, ...input } },
  );
  return ok(res).createStaffMember as { id: string; name: string; role: string; team: string };
}

export async function registerCitizen(citizens: Sender, input: Record<string, unknown> = {}) {
  const res = await citizens.as(
    caseworker,
    `mutation($input: RegisterCitizenInput!) { registerCitizen(input: $input) { id firstName lastName } }`,
    {
      input: { cpr: nextCpr(), firstName: 'Test', lastName: 'Person', targetGroup: 'ACTIVITY_READY', ...input },
    },
  );
  return ok(res).registerCitizen as { id: string; firstName: string; lastName: string };
}

export async function registerCompany(placements: Sender, input: Record<string, unknown> = {}) {
  const res = await placements.as(
    caseworker,
    `mutation($input: RegisterCompanyInput!) { registerCompany(input: $input) { id cvr name } }`,
    {
      input: { cvr: nextCvr(), name: 'Testfirma ApS', ...input },
    },
  );
  return ok(res).registerCompany as { id: string; cvr: string; name: string };
}

export const PLACEMENT_FIELDS = 'id kind status startDate endDate maxEndDate targetGroupAtStart outcome citizen { id } company { id name }';

export async function proposePlacement(placements: Sender, by: Actor, input: Record<string, unknown>) {
  return placements.as(by, `mutation($input: ProposePlacementInput!) { proposePlacement(input: $input) { ${PLACEMENT_FIELDS} } }`, {
    input,
  });
}

/** Runs one lifecycle mutation on a placement and returns the response. */
export function act(placements: Sender, by: Actor, mutation: string, id: string, args = '') {
  return placements.as(by, `mutation($id: ID!) { ${mutation}(id: $id${args}) { id status outcome endDate } }`, { id });
}

/** Assigns staff members to a citizen (by the team lead), so the caseload policy lets them in. */
export async function assignStaff(citizens: Sender, citizenId: string, staff: { id: string; role: string }[], from?: string) {
  for (const member of staff) {
    const res = await citizens.as(
      teamLead,
      `mutation($c: ID!, $s: ID!, $r: StaffRole!, $f: Date) { assignStaff(citizenId: $c, staffId: $s, role: $r, from: $f) { id } }`,
      { c: citizenId, s: member.id, r: member.role, f: from },
    );
    ok(res);
  }
}
