import { randomUUID } from 'node:crypto';
import { bearerFor, errorCode, GraphQLResponse, postGraphQL, startTestSubgraph, TestSubgraph } from '@jobcenter/kit/testing';
import { addDays, subgraphClient } from '@jobcenter/kit';
import { citizensSubgraph } from '../src/server';
import {
  analyst,
  assign,
  CITIZEN_FIELDS,
  citizenActor,
  createStaff,
  nextCpr,
  registerCitizen,
  staffActor,
  teamLead,
  TEAM,
} from './builders';

let subgraph: TestSubgraph;
let inger: Awaited<ReturnType<typeof createStaff>>;
let anders: Awaited<ReturnType<typeof createStaff>>;
let outsider: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(citizensSubgraph);
  inger = await createStaff(subgraph, { name: 'Inger Holm', role: 'CASEWORKER' });
  anders = await createStaff(subgraph, { name: 'Anders Lund', role: 'RESOURCE_CONSULTANT' });
  outsider = await createStaff(subgraph, { name: 'Ole Vest', role: 'CASEWORKER', team: 'Team Vest' });
});
afterAll(() => subgraph.stop());

const caseworker = () => staffActor(inger);

/** A citizen registered by Inger and assigned to her as caseworker: in her caseload. */
async function registerOwn(input: Record<string, unknown> = {}) {
  const citizen = await registerCitizen(subgraph, caseworker(), input);
  await assign(subgraph, citizen.id, inger);
  return citizen;
}

describe('the database schema', () => {
  it('is exactly what the migrations make (no drift between entities and migrations)', async () => {
    const pending = await subgraph.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });
});

describe('identity at the subgraph', () => {
  it('refuses a request without the gateway assertion', async () => {
    const res = await postGraphQL(subgraph.url, '{ citizenStatistics { total } }');
    expect(res.status).toBe(401);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });

  it("refuses a user's own bearer token sent straight to the subgraph", async () => {
    const res = await postGraphQL(
      subgraph.url,
      '{ citizenStatistics { total } }',
      {},
      {
        ...(await bearerFor(caseworker())),
        'x-gateway-assertion': (await bearerFor(caseworker())).authorization.slice(7),
      },
    );
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });

  it('answers health checks without a token', async () => {
    const base = subgraph.url.replace('/graphql', '');
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});

describe('registerCitizen', () => {
  it('stores the CPR number one way and derives the birth date', async () => {
    const res = await subgraph.as(
      caseworker(),
      `mutation { registerCitizen(input: {
        cpr: "0207871428", firstName: " Ulla ", lastName: "Jensen", targetGroup: ACTIVITY_READY, phone: "+45 22 33 44 55"
      }) { ${CITIZEN_FIELDS} } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.registerCitizen).toMatchObject({
      firstName: 'Ulla',
      birthDate: '1987-07-02',
      preferredContact: 'PHONE',
      status: 'ACTIVE',
      version: 1,
    });
    // Not yet on anyone's team, so even the registering caseworker sees it masked.
    expect(res.data.registerCitizen.cpr).toBe('020787-****');
    const again = await subgraph.as(caseworker(), `{ citizenByCpr(cpr: "020787-1428") { firstName } }`);
    expect(again.data.citizenByCpr).toEqual({ firstName: 'Ulla' });
  });

  it('is a CONFLICT for a CPR number already registered, in either format', async () => {
    const cpr = nextCpr();
    await registerCitizen(subgraph, caseworker(), { cpr });
    const res = await subgraph.as(
      caseworker(),
      `mutation($cpr: String!) { registerCitizen(input: {
        cpr: $cpr, firstName: "A", lastName: "B", targetGroup: JOB_READY }) { id } }`,
      { cpr: cpr.replace('-', '') },
    );
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0].message).toMatch(/already registered/);
  });

  it.each([
    ['an impossible date', '310291-1234', /does not exist/],
    ['a wrong shape', '12345', /10 digits/],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_what, cpr, message) => {
    const res = await subgraph.as(
      caseworker(),
      `mutation($cpr: String!) { registerCitizen(input: {
        cpr: $cpr, firstName: "A", lastName: "B", targetGroup: JOB_READY }) { id } }`,
      { cpr },
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.field).toBe('cpr');
    expect(res.errors![0].message).toMatch(message);
  });

  it('says which field is wrong and why', async () => {
    const res = await subgraph.as(
      caseworker(),
      `mutation { registerCitizen(input: {
        cpr: "${nextCpr()}", firstName: "", lastName: "B", targetGroup: JOB_READY, email: "not-an-email" }) { id } }`,
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/firstName: must not be empty/);
    expect(res.errors![0].message).toMatch(/email: must be an e-mail address/);
  });

  it('is FORBIDDEN for citizens and analysts', async () => {
    for (const actor of [analyst, citizenActor({ id: randomUUID(), firstName: 'X' })]) {
      const res = await subgraph.as(
        actor,
        `mutation { registerCitizen(input: {
          cpr: "${nextCpr()}", firstName: "A", lastName: "B", targetGroup: JOB_READY }) { id } }`,
      );
      expect(errorCode(res)).toBe('FORBIDDEN');
    }
  });
});

describe('updateCitizen', () => {
  it('changes the fields given and bumps the version', async () => {
    const c = await registerOwn();
    const res = await subgraph.as(
      caseworker(),
      `mutation($id: ID!) {
        updateCitizen(id: $id, expectedVersion: 1, input: { status: PAUSED, email: "x@example.dk" }) { status email version firstName } }`,
      { id: c.id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.updateCitizen).toEqual({ status: 'PAUSED', email: 'x@example.dk', version: 2, firstName: 'Test' });
  });

  it('is a CONFLICT with a stale version and changes nothing', async () => {
    const c = await registerOwn();
    const first = await subgraph.as(
      caseworker(),
      `mutation($id: ID!) { updateCitizen(id: $id, expectedVersion: 1, input: { firstName: "Anna" }) { version } }`,
      { id: c.id },
    );
    expect(first.data.updateCitizen.version).toBe(2);
    const stale = await subgraph.as(
      caseworker(),
      `mutation($id: ID!) { updateCitizen(id: $id, expectedVersion: 1, input: { firstName: "Berit" }) { version } }`,
      { id: c.id },
    );
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors![0].message).toMatch(/version 1.*now version 2/);
    const read = await subgraph.as(caseworker(), `query($id: ID!) { citizen(id: $id) { firstName version } }`, { id: c.id });
    expect(read.data.citizen).toEqual({ firstName: 'Anna', version: 2 });
  });

  it('lets only one of two concurrent saves of the same version through', async () => {
    const c = await registerOwn();
    const save = (name: string) =>
      subgraph.as(
        caseworker(),
        `mutation($id: ID!, $n: String!) { updateCitizen(id: $id, expectedVersion: 1, input: { firstName: $n }) { version } }`,
        { id: c.id, n: name },
      );
    const results = await Promise.all([save('One'), save('Two'), save('Three')]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => errorCode(r) === 'CONFLICT')).toHaveLength(2);
  });

  it('is NOT_FOUND for an unknown citizen', async () => {
    const res = await subgraph.as(
      caseworker(),
      `mutation { updateCitizen(id: "${randomUUID()}", expectedVersion: 1, input: { firstName: "A" }) { id } }`,
    );
    expect(errorCode(res)).toBe('NOT_FOUND');
  });
});

describe('assignments and the team', () => {
  it('assigns, hands over with history, and shows the full CPR to the team only', async () => {
    const cpr = nextCpr();
    const c = await registerCitizen(subgraph, caseworker(), { cpr });
    const assign = (staffId: string, role: string, from: string) =>
      subgraph.as(
        caseworker(),
        `mutation($c: ID!, $s: ID!, $r: StaffRole!, $f: Date) {
          assignStaff(citizenId: $c, staffId: $s, role: $r, from: $f) { id role from to staff { name } } }`,
        { c: c.id, s: staffId, r: role, f: from },
      );
    const first = await assign(inger.id, 'CASEWORKER', '2026-01-05');
    expect(first.data.assignStaff).toMatchObject({ role: 'CASEWORKER', from: '2026-01-05', to: null, staff: { name: 'Inger Holm' } });
    expect((await assign(anders.id, 'RESOURCE_CONSULTANT', '2026-01-05')).errors).toBeUndefined();

    expect(errorCode(await assign(inger.id, 'CASEWORKER', '2026-02-01'))).toBe('CONFLICT');
    expect(errorCode(await assign(anders.id, 'JOB_CONSULTANT', '2026-02-01'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await assign(randomUUID(), 'CASEWORKER', '2026-02-01'))).toBe('BAD_USER_INPUT');

    // Another team's caseworker is not Inger's to assign: the receiving lead asks, Inger agrees.
    expect(errorCode(await assign(outsider.id, 'CASEWORKER', '2026-03-01'))).toBe('FORBIDDEN');
    const vestLead = { id: randomUUID(), role: 'TEAM_LEAD' as const, name: 'Vera Vest', team: 'Team Vest' };
    const asked = await subgraph.as(vestLead, `mutation($i: HandoverRequestInput!) { requestHandover(input: $i) { id status } }`, {
      i: {
        citizenId: c.id,
        staffId: outsider.id,
        role: 'CASEWORKER',
        from: '2026-03-01',
        reason: 'Borgeren er flyttet til Vest-distriktet',
      },
    });
    expect(asked.data.requestHandover.status).toBe('PENDING');
    const handover = await subgraph.as(caseworker(), `mutation($id: ID!) { approveHandover(id: $id) { status assignment { from } } }`, {
      id: asked.data.requestHandover.id,
    });
    expect(handover.errors).toBeUndefined();
    const handoverDay = handover.data.approveHandover.assignment.from;
    expect(handoverDay >= '2026-03-01').toBe(true);
    // Inger handed over: her own access ended with her assignment.
    expect(errorCode(await subgraph.as(caseworker(), `query($id: ID!) { citizen(id: $id) { cpr } }`, { id: c.id }))).toBe('FORBIDDEN');
    const team = await subgraph.as(
      teamLead,
      `query($id: ID!) { citizen(id: $id) {
        cpr all: assignments(activeOnly: false) { role from to staff { name } } active: assignments { staff { name } } } }`,
      { id: c.id },
    );
    expect(team.data.citizen.all).toEqual(
      expect.arrayContaining([
        { role: 'CASEWORKER', from: '2026-01-05', to: addDays(handoverDay, -1), staff: { name: 'Inger Holm' } },
        { role: 'CASEWORKER', from: handoverDay, to: null, staff: { name: 'Ole Vest' } },
      ]),
    );
    expect(team.data.citizen.active.map((a: { staff: { name: string } }) => a.staff.name).sort()).toEqual(['Anders Lund', 'Ole Vest']);
    // Anders (Team Ryslinge) is still assigned, so his team lead sees the full number.
    expect(team.data.citizen.cpr).toBe(cpr);

    // Outside the caseload: FORBIDDEN by id; a CPR search (for a new registration) gives a masked hit.
    const stranger = await createStaff(subgraph, { name: 'Stig Nord', role: 'JOB_CONSULTANT', team: 'Team Nord' });
    const byId = await subgraph.as(staffActor(stranger), `query($id: ID!) { citizen(id: $id) { cpr } }`, { id: c.id });
    expect(errorCode(byId)).toBe('FORBIDDEN');
    expect(JSON.stringify(byId)).not.toContain(cpr.slice(7));
    const masked = await subgraph.as(staffActor(stranger), `query($cpr: String!) { citizenByCpr(cpr: $cpr) { id cpr firstName } }`, {
      cpr,
    });
    expect(masked.data.citizenByCpr).toEqual({ id: c.id, cpr: `${cpr.slice(0, 6)}-****`, firstName: 'Test' });
    const beyond = await subgraph.as(staffActor(stranger), `query($cpr: String!) { citizenByCpr(cpr: $cpr) { email network { name } } }`, {
      cpr,
    });
    expect(errorCode(beyond)).toBe('FORBIDDEN');
  });

  it('ends an assignment once, not before it began', async () => {
    const c = await registerOwn();
    const a = await subgraph.as(
      caseworker(),
      `mutation($c: ID!, $s: ID!) { assignStaff(citizenId: $c, staffId: $s, role: RESOURCE_CONSULTANT, from: "2026-02-01") { id } }`,
      { c: c.id, s: anders.id },
    );
    const id = a.data.assignStaff.id;
    const early = await subgraph.as(caseworker(), `mutation($id: ID!) { endAssignment(assignmentId: $id, to: "2026-01-01") { id } }`, {
      id,
    });
    expect(errorCode(early)).toBe('BAD_USER_INPUT');
    const ended = await subgraph.as(caseworker(), `mutation($id: ID!) { endAssignment(assignmentId: $id, to: "2026-03-01") { to } }`, {
      id,
    });
    expect(ended.data.endAssignment).toEqual({ to: '2026-03-01' });
    const twice = await subgraph.as(caseworker(), `mutation($id: ID!) { endAssignment(assignmentId: $id) { to } }`, { id });
    expect(errorCode(twice)).toBe('CONFLICT');
    const unknown = await subgraph.as(caseworker(), `mutation { endAssignment(assignmentId: "${randomUUID()}") { to } }`);
    expect(errorCode(unknown)).toBe('NOT_FOUND');
  });

  it("lists a staff member's caseload", async () => {
    const jane = await createStaff(subgraph, { name: 'Jane Kro', role: 'JOB_CONSULTANT' });
    const c = await registerCitizen(subgraph, caseworker(), { firstName: 'Bent' });
    await subgraph.as(caseworker(), `mutation($c: ID!, $s: ID!) { assignStaff(citizenId: $c, staffId: $s, role: JOB_CONSULTANT) { id } }`, {
      c: c.id,
      s: jane.id,
    });
    const query = `query($id: ID!) { staffMember(id: $id) { name caseload { firstName } } }`;
    expect((await subgraph.as(staffActor(jane), query, { id: jane.id })).data.staffMember).toEqual({
      name: 'Jane Kro',
      caseload: [{ firstName: 'Bent' }],
    });
    expect((await subgraph.as(teamLead, query, { id: jane.id })).data.staffMember).toEqual({
      name: 'Jane Kro',
      caseload: [{ firstName: 'Bent' }],
    });
    // Inger does not work with Bent: a colleague's caseload shows her only her own citizens.
    expect((await subgraph.as(caseworker(), query, { id: jane.id })).data.staffMember).toEqual({ name: 'Jane Kro', caseload: [] });
  });
});

describe('network and resource profile', () => {
  it('adds network contacts and lets the citizen write their own dreams', async () => {
    const c = await registerOwn({ firstName: 'Svend' });
    const contact = await subgraph.as(
      caseworker(),
      `mutation($c: ID!) { addNetworkContact(citizenId: $c, input: { name: "Grethe", relation: "mother" }) { name relation } }`,
      { c: c.id },
    );
    expect(contact.data.addNetworkContact).toEqual({ name: 'Grethe', relation: 'mother' });
    const own = await subgraph.as(
      citizenActor(c),
      `mutation($c: ID!) { updateResourceProfile(citizenId: $c, input: {
        dreams: "At blive anlægsgartner", strengths: ["gartneruddannelse"] }) { dreams strengths updatedAt } }`,
      { c: c.id },
    );
    expect(own.errors).toBeUndefined();
    expect(own.data.updateResourceProfile).toMatchObject({ dreams: 'At blive anlægsgartner', strengths: ['gartneruddannelse'] });
    const partial = await subgraph.as(
      caseworker(),
      `mutation($c: ID!) { updateResourceProfile(citizenId: $c, input: { strengths: ["gartner", "mødestabil"] }) { dreams strengths } }`,
      { c: c.id },
    );
    expect(partial.data.updateResourceProfile).toEqual({ dreams: 'At blive anlægsgartner', strengths: ['gartner', 'mødestabil'] });
    const read = await subgraph.as(
      citizenActor(c),
      `query($c: ID!) { citizen(id: $c) { cpr network { name } resourceProfile { dreams } } }`,
      { c: c.id },
    );
    expect(read.data.citizen.network).toEqual([{ name: 'Grethe' }]);
    expect(read.data.citizen.cpr).toMatch(/^\d{6}-\d{4}$/);
  });

  it("is FORBIDDEN for a citizen to touch another citizen's profile, NOT_FOUND for no citizen", async () => {
    const a = await registerCitizen(subgraph, caseworker());
    const b = await registerCitizen(subgraph, caseworker());
    const res = await subgraph.as(
      citizenActor(a),
      `mutation($c: ID!) { updateResourceProfile(citizenId: $c, input: { dreams: "x" }) { dreams } }`,
      { c: b.id },
    );
    expect(errorCode(res)).toBe('FORBIDDEN');
    const none = await subgraph.as(
      caseworker(),
      `mutation { addNetworkContact(citizenId: "${randomUUID()}", input: { name: "A", relation: "B" }) { id } }`,
    );
    expect(errorCode(none)).toBe('NOT_FOUND');
  });
});

describe('reading citizens', () => {
  it('returns null for an unknown id (and for a malformed one) without error', async () => {
    for (const id of [randomUUID(), 'not-a-uuid']) {
      const res = await subgraph.as(caseworker(), `query($id: ID!) { citizen(id: $id) { id } }`, { id });
      expect(res.errors).toBeUndefined();
      expect(res.data.citizen).toBeNull();
    }
  });

  it('lets a citizen read only themselves', async () => {
    const a = await registerCitizen(subgraph, caseworker());
    const b = await registerCitizen(subgraph, caseworker());
    const own = await subgraph.as(citizenActor(a), `query($id: ID!) { citizen(id: $id) { id } }`, { id: a.id });
    expect(own.data.citizen.id).toBe(a.id);
    // Another citizen's id gives exactly what an id that does not exist gives.
    const other = await subgraph.as(citizenActor(a), `query($id: ID!) { citizen(id: $id) { id firstName cpr } }`, { id: b.id });
    const none = await subgraph.as(citizenActor(a), `query($id: ID!) { citizen(id: $id) { id firstName cpr } }`, { id: randomUUID() });
    expect(other).toEqual(none);
    expect(other.data).toEqual({ citizen: null });
    expect(errorCode(await subgraph.as(citizenActor(a), `{ citizens { totalCount } }`))).toBe('FORBIDDEN');
  });

  it('gives analysts statistics but FORBIDDEN on every personal field', async () => {
    const c = await registerCitizen(subgraph, caseworker());
    for (const field of ['cpr', 'firstName', 'lastName', 'birthDate', 'email', 'phone', 'network { name }', 'resourceProfile { dreams }']) {
      const res = await subgraph.as(analyst, `query($id: ID!) { citizen(id: $id) { id ${field} } }`, { id: c.id });
      expect(errorCode(res)).toBe('FORBIDDEN');
    }
    // A citizen is a personal entity: even its non-personal fields are not for analysts one by one.
    const entity = await subgraph.as(analyst, `query($id: ID!) { citizen(id: $id) { status targetGroup enrolledAt } }`, { id: c.id });
    expect(errorCode(entity)).toBe('FORBIDDEN');
    expect(errorCode(await subgraph.as(analyst, `{ citizenByCpr(cpr: "020787-1428") { id } }`))).toBe('FORBIDDEN');
    const stats = await subgraph.as(
      analyst,
      `{ citizenStatistics { total byStatus { key count } byTargetGroup { key count } suppressed } }`,
    );
    expect(stats.errors).toBeUndefined();
    const { total, byStatus, byTargetGroup, suppressed } = stats.data.citizenStatistics;
    expect(total).toBeGreaterThan(0);
    // Every status and target group is either shown (0 or at least 5) or named as withheld.
    const cells = [...byStatus, ...byTargetGroup];
    for (const c of cells) expect(c.count === 0 || c.count >= 5).toBe(true);
    expect(cells.length + suppressed.length).toBe(4 + 11);
  });

  it('filters by status, target group, staff and name', async () => {
    const tag = `Filter${Date.now()}`;
    const a = await registerCitizen(subgraph, caseworker(), { lastName: tag, firstName: 'Alma', targetGroup: 'SICKNESS_BENEFIT' });
    const b = await registerCitizen(subgraph, caseworker(), { lastName: tag, firstName: 'Bo', targetGroup: 'JOB_READY' });
    await subgraph.as(caseworker(), `mutation($c: ID!, $s: ID!) { assignStaff(citizenId: $c, staffId: $s, role: CASEWORKER) { id } }`, {
      c: a.id,
      s: inger.id,
    });
    await assign(subgraph, b.id, anders);
    const query = `query($f: CitizenFilter) { citizens(filter: $f) { totalCount nodes { firstName } } }`;
    // The team lead sees the team's citizens; Inger only her own caseload.
    const byName = await subgraph.as(teamLead, query, { f: { search: tag.toLowerCase() } });
    expect(byName.data.citizens.totalCount).toBe(2);
    const own = await subgraph.as(caseworker(), query, { f: { search: tag.toLowerCase() } });
    expect(own.data.citizens).toEqual({ totalCount: 1, nodes: [{ firstName: 'Alma' }] });
    const byGroup = await subgraph.as(teamLead, query, { f: { search: tag, targetGroup: 'SICKNESS_BENEFIT' } });
    expect(byGroup.data.citizens.nodes).toEqual([{ firstName: 'Alma' }]);
    const byStaff = await subgraph.as(teamLead, query, { f: { search: tag, staffId: inger.id } });
    expect(byStaff.data.citizens.nodes).toEqual([{ firstName: 'Alma' }]);
    const outside = await subgraph.as(staffActor(outsider), query, { f: { search: tag } });
    expect(outside.data.citizens.totalCount).toBe(0);
    const byStatus = await subgraph.as(teamLead, query, { f: { search: tag, status: 'CLOSED' } });
    expect(byStatus.data.citizens.totalCount).toBe(0);
  });

  it('paginates in name order and stays correct when rows are added between pages', async () => {
    const tag = `Page${Date.now()}`;
    for (const first of ['Anne', 'Carl', 'Erik', 'Gitte']) await registerOwn({ lastName: tag, firstName: first });
    const page = (after?: string) =>
      subgraph.as(
        caseworker(),
        `query($f: CitizenFilter, $after: String) { citizens(filter: $f, first: 2, after: $after) {
          totalCount nodes { firstName } pageInfo { endCursor hasNextPage } } }`,
        { f: { search: tag }, after },
      );
    const one = await page();
    expect(one.data.citizens.nodes.map((n: { firstName: string }) => n.firstName)).toEqual(['Anne', 'Carl']);
    expect(one.data.citizens.pageInfo.hasNextPage).toBe(true);
    // Someone registers two citizens meanwhile: one sorts before the cursor, one after.
    await registerOwn({ lastName: tag, firstName: 'Bodil' });
    await registerOwn({ lastName: tag, firstName: 'Dorte' });
    const two = await page(one.data.citizens.pageInfo.endCursor);
    expect(two.data.citizens.nodes.map((n: { firstName: string }) => n.firstName)).toEqual(['Dorte', 'Erik']);
    const three = await page(two.data.citizens.pageInfo.endCursor);
    expect(three.data.citizens.nodes.map((n: { firstName: string }) => n.firstName)).toEqual(['Gitte']);
    expect(three.data.citizens.pageInfo.hasNextPage).toBe(false);
    expect(three.data.citizens.totalCount).toBe(6);
  });

  it('refuses a bad cursor or page size with BAD_USER_INPUT', async () => {
    expect(errorCode(await subgraph.as(caseworker(), `{ citizens(after: "garbage") { totalCount } }`))).toBe('BAD_USER_INPUT');
    expect(errorCode(await subgraph.as(caseworker(), `{ citizens(first: 0) { totalCount } }`))).toBe('BAD_USER_INPUT');
  });
});

describe('a service calling the citizens subgraph on its own behalf', () => {
  it('reads the target group but no personal data', async () => {
    const c = await registerCitizen(subgraph, caseworker(), { targetGroup: 'SICKNESS_BENEFIT' });
    const previous = process.env.CITIZENS_URL;
    process.env.CITIZENS_URL = subgraph.url;
    try {
      const client = subgraphClient('placements', 'citizens');
      const data = await client.query<{ citizen: { targetGroup: string } }>(`query($id: ID!) { citizen(id: $id) { targetGroup } }`, {
        id: c.id,
      });
      expect(data.citizen.targetGroup).toBe('SICKNESS_BENEFIT');
      await expect(client.query(`query($id: ID!) { citizen(id: $id) { cpr } }`, { id: c.id })).rejects.toThrow(/personal data/);
    } finally {
      process.env.CITIZENS_URL = previous;
    }
  });
});

describe('staff', () => {
  it('only team leads create staff; a known e-mail is a CONFLICT', async () => {
    const input = { name: 'Ny Kollega', role: 'CASEWORKER', email: `${randomUUID()}@ryslinge.dk`, team: TEAM };
    const denied = await subgraph.as(caseworker(), `mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { id } }`, {
      i: input,
    });
    expect(errorCode(denied)).toBe('FORBIDDEN');
    const ok = await subgraph.as(teamLead, `mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { id } }`, { i: input });
    expect(ok.errors).toBeUndefined();
    const dup = await subgraph.as(teamLead, `mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { id } }`, {
      i: { ...input, email: input.email.toUpperCase() },
    });
    expect(errorCode(dup)).toBe('CONFLICT');
  });

  it('lists staff by role and team', async () => {
    const res = await subgraph.as(caseworker(), `{ staffMembers(role: CASEWORKER, team: "Team Vest") { name } }`);
    expect(res.data.staffMembers).toEqual([{ name: 'Ole Vest' }]);
  });
});

describe('entity references', () => {
  it('answers 100 Citizen representations with two SQL statements (the citizens, their access grants)', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 100; i += 1) ids.push((await registerOwn()).id);
    const representations = ids.map((id) => ({ __typename: 'Citizen', id }));
    let res: GraphQLResponse | undefined;
    const statements = await subgraph.countStatements(async () => {
      res = await subgraph.as(
        caseworker(),
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { id firstName status } } }`,
        { r: representations },
      );
    });
    expect(res!.errors).toBeUndefined();
    expect(res!.data._entities.map((e: { id: string }) => e.id)).toEqual(ids);
    expect(statements).toBe(2);
  });

  it('answers StaffMember representations in one statement, null for unknown ones', async () => {
    const r = [inger.id, anders.id, randomUUID()].map((id) => ({ __typename: 'StaffMember', id }));
    let res: GraphQLResponse | undefined;
    const statements = await subgraph.countStatements(async () => {
      res = await subgraph.as(caseworker(), `query($r: [_Any!]!) { _entities(representations: $r) { ... on StaffMember { name } } }`, {
        r,
      });
    });
    expect(res!.data._entities).toEqual([{ name: 'Inger Holm' }, { name: 'Anders Lund' }, null]);
    expect(statements).toBe(1);
  });
});
