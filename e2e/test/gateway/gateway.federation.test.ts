import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Actor } from '@jobcenter/kit';
import { errorCode, postGraphQL } from '@jobcenter/kit/testing';
import { citizensSubgraph } from '@jobcenter/citizens';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';

const TEAM = 'Team Ryslinge';
const lone: Actor = { id: randomUUID(), role: 'TEAM_LEAD', name: 'Lone Friis', team: TEAM };
const karin: Actor = { id: randomUUID(), role: 'ANALYST', name: 'Karin Dahl', team: TEAM };
let federation: TestFederation;
let mette: Actor;
let sofie: { id: string };

beforeAll(async () => {
  federation = await startTestFederation([citizensSubgraph]);
  const create = async (name: string, role: string) => {
    const res = await federation.as(lone, `mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { id name role team } }`, {
      i: { name, role, email: `${randomUUID()}@ryslinge.dk`, team: TEAM },
    });
    return res.data.createStaffMember;
  };
  const m = await create('Mette Skov', 'CASEWORKER');
  mette = { id: m.id, role: 'CASEWORKER', name: m.name, team: TEAM };
  sofie = await create('Sofie Berg', 'RESOURCE_CONSULTANT');
});
afterAll(() => federation.stop());

describe("Ulla's story through the gateway", () => {
  it('registers Ulla, assigns her caseworker and resource consultant, and reads her back with her team', async () => {
    const registered = await federation.as(
      mette,
      `mutation { registerCitizen(input: {
        cpr: "020787-1428", firstName: "Ulla", lastName: "Jensen", targetGroup: ACTIVITY_READY,
        phone: "+45 22 33 44 55", preferredContact: SMS, enrolledAt: "2026-05-01" }) { id cpr } }`,
    );
    expect(registered.errors).toBeUndefined();
    const ulla = registered.data.registerCitizen.id;
    for (const [staffId, role] of [
      [mette.id, 'CASEWORKER'],
      [sofie.id, 'RESOURCE_CONSULTANT'],
    ]) {
      const res = await federation.as(
        mette,
        `mutation($c: ID!, $s: ID!, $r: StaffRole!) {
          assignStaff(citizenId: $c, staffId: $s, role: $r, from: "2026-05-01") { id } }`,
        { c: ulla, s: staffId, r: role },
      );
      expect(res.errors).toBeUndefined();
    }
    await federation.as(
      mette,
      `mutation($c: ID!) { addNetworkContact(citizenId: $c, input: { name: "Kasper", relation: "partner" }) { id } }`,
      { c: ulla },
    );

    const read = await federation.as(
      mette,
      `query($id: ID!) { citizen(id: $id) {
        firstName lastName cpr birthDate preferredContact enrolledAt
        assignments { role from staff { name role } } network { name relation } } }`,
      { id: ulla },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data.citizen).toEqual({
      firstName: 'Ulla',
      lastName: 'Jensen',
      cpr: '020787-1428',
      birthDate: '1987-07-02',
      preferredContact: 'SMS',
      enrolledAt: '2026-05-01',
      assignments: expect.arrayContaining([
        { role: 'CASEWORKER', from: '2026-05-01', staff: { name: 'Mette Skov', role: 'CASEWORKER' } },
        { role: 'RESOURCE_CONSULTANT', from: '2026-05-01', staff: { name: 'Sofie Berg', role: 'RESOURCE_CONSULTANT' } },
      ]),
      network: [{ name: 'Kasper', relation: 'partner' }],
    });
    expect(read.data.citizen.assignments).toHaveLength(2);

    const caseload = await federation.as(mette, `query($id: ID!) { staffMember(id: $id) { caseload { firstName } } }`, { id: mette.id });
    expect(caseload.data.staffMember.caseload).toEqual([{ firstName: 'Ulla' }]);

    // Ulla herself sees her own record, full CPR included…
    const self = await federation.as(
      { id: ulla, role: 'CITIZEN', name: 'Ulla Jensen' },
      `query($id: ID!) { citizen(id: $id) { cpr assignments { staff { name } } } }`,
      { id: ulla },
    );
    expect(self.data.citizen.cpr).toBe('020787-1428');
    // …an analyst cannot read her CPR number.
    const analystRead = await federation.as(karin, `query($id: ID!) { citizen(id: $id) { cpr } }`, { id: ulla });
    expect(errorCode(analystRead)).toBe('FORBIDDEN');
    expect(analystRead.data?.citizen ?? null).toBeNull();
  });

  it('does not let a citizen read another citizen (nor learn that they exist)', async () => {
    const other = await federation.as(
      mette,
      `mutation { registerCitizen(input: {
        cpr: "230994-1017", firstName: "Svend", lastName: "Madsen", targetGroup: ACTIVITY_READY }) { id } }`,
    );
    const per = await federation.as(
      mette,
      `mutation { registerCitizen(input: {
        cpr: "140391-1235", firstName: "Per", lastName: "Hansen", targetGroup: ACTIVITY_READY }) { id } }`,
    );
    const perActor: Actor = { id: per.data.registerCitizen.id, role: 'CITIZEN', name: 'Per Hansen' };
    const res = await federation.as(perActor, `query($id: ID!) { citizen(id: $id) { firstName } }`, { id: other.data.registerCitizen.id });
    // Exactly what an id that does not exist gives: null, no error, nothing of Svend.
    const none = await federation.as(perActor, `query($id: ID!) { citizen(id: $id) { firstName } }`, { id: randomUUID() });
    expect(res).toEqual(none);
    expect(res.data).toEqual({ citizen: null });
  });
});

describe('identity at the gateway', () => {
  const query = '{ citizenStatistics { total } }';

  it('refuses a request without a token', async () => {
    const res = await federation.request(query);
    expect(res.status).toBe(401);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });

  it('refuses a token with a bad signature', async () => {
    const forged = await new SignJWT({ role: 'TEAM_LEAD', name: 'Mallory', team: TEAM })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(randomUUID())
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not-the-secret-not-the-secret-not-the-secret'));
    const res = await federation.request(query, {}, { authorization: `Bearer ${forged}` });
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0].message).toMatch(/signature/);
  });

  it('refuses an expired token', async () => {
    const { bearerFor } = jest.requireActual('@jobcenter/kit/testing') as typeof import('@jobcenter/kit/testing');
    const res = await federation.request(query, {}, await bearerFor(mette, Math.floor(Date.now() / 1000) - 10));
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0].message).toMatch(/expired/);
  });

  it('refuses a malformed token', async () => {
    const res = await federation.request(query, {}, { authorization: 'Bearer abc.def' });
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });

  it('accepts a valid token', async () => {
    const res = await federation.as(mette, '{ citizenStatistics { total suppressed } }');
    expect(res.errors).toBeUndefined();
    // One citizen (Ulla) is registered: too few to count, so the total is withheld and named.
    expect(res.data.citizenStatistics).toEqual({ total: 0, suppressed: expect.arrayContaining(['total']) });
  });

  it('a request straight to the subgraph, without the gateway, is refused even with a valid user token', async () => {
    const { bearerFor } = jest.requireActual('@jobcenter/kit/testing') as typeof import('@jobcenter/kit/testing');
    const res = await postGraphQL(federation.subgraphs.citizens.url, query, {}, await bearerFor(mette));
    expect(res.status).toBe(401);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });

  it('serves health checks without a token', async () => {
    const res = await fetch(federation.url.replace('/graphql', '/health/ready'));
    expect(res.status).toBe(200);
  });
});

describe('errors through the gateway', () => {
  it('passes codes and caseworker-readable messages through, with no stack trace', async () => {
    const res = await federation.as(
      mette,
      `mutation { registerCitizen(input: {
        cpr: "310291-1234", firstName: "A", lastName: "B", targetGroup: JOB_READY }) { id } }`,
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/does not exist/);
    expect(JSON.stringify(res.errors)).not.toMatch(/stacktrace|at .*\.js/);
  });
});
