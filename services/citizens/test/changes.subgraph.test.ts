import { randomUUID } from 'node:crypto';
import {
  Actor,
  gatewayAssertionSecret,
  GATEWAY_ASSERTION_HEADER,
  IDEMPOTENCY_KEY_HEADER,
  purgeIdempotencyKeys,
  signGatewayAssertion,
} from '@jobcenter/kit';
import { errorCode, GraphQLResponse, postGraphQL, startTestSubgraph, TestSubgraph } from '@jobcenter/kit/testing';
import { citizensSubgraph } from '../src/server';
import { assign, createStaff, nextCpr, registerCitizen, staffActor } from './builders';

/**
 * A change, its access-log entry and its idempotency key are one transaction: stored together
 * or not at all (the Data Protection Agency's "changes logged in the same transaction").
 */
let subgraph: TestSubgraph;
let inger: Actor;
let outsider: Actor;

beforeAll(async () => {
  subgraph = await startTestSubgraph(citizensSubgraph);
  inger = staffActor(await createStaff(subgraph, { name: 'Inger Holm', role: 'CASEWORKER' }));
  outsider = staffActor(await createStaff(subgraph, { name: 'Ole Vest', role: 'CASEWORKER', team: 'Team Vest' }));
});
afterAll(() => subgraph.stop());

const db = () => subgraph.dataSource;

/** Sends an operation as the gateway would, with a known request id and optional extra headers. */
async function send<T = any>(
  actor: Actor,
  query: string,
  variables: Record<string, unknown>,
  options: { requestId?: string; key?: string } = {},
) {
  const headers: Record<string, string> = {
    [GATEWAY_ASSERTION_HEADER]: await signGatewayAssertion(actor, options.requestId ?? randomUUID(), gatewayAssertionSecret()),
  };
  if (options.key) headers[IDEMPOTENCY_KEY_HEADER] = options.key;
  return postGraphQL<T>(subgraph.url, query, variables, headers);
}
const ok = <T = any>(res: GraphQLResponse<T>): T => {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
};

async function citizenOfInger() {
  const citizen = await registerCitizen(subgraph, inger);
  await assign(subgraph, citizen.id, inger);
  return citizen;
}
const entriesOf = (requestId: string): Promise<{ citizen_id: string; operation: string; xid: string }[]> =>
  db().query(`SELECT citizen_id, operation, xmin::text AS xid FROM kit_access_log WHERE request_id = $1 ORDER BY seq`, [requestId]);
const entriesFor = async (citizenId: string) =>
  Number((await db().query(`SELECT count(*)::int AS n FROM kit_access_log WHERE citizen_id = $1`, [citizenId]))[0].n);
const contactsNamed = async (name: string) =>
  Number((await db().query(`SELECT count(*)::int AS n FROM network_contact WHERE name = $1`, [name]))[0].n);

/** Waits until `n` sessions of this database wait for a lock (requests stopped inside their transaction). */
async function waitForLockWaits(n: number): Promise<void> {
  const waiting = async () =>
    Number(
      (
        await db().query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)
      )[0].n,
    );
  for (let i = 0; i < 100 && (await waiting()) < n; i++) await new Promise((r) => setTimeout(r, 50));
  expect(await waiting()).toBe(n);
}

const UPDATE = `mutation($id: ID!, $v: Int!, $i: UpdateCitizenInput!) { updateCitizen(id: $id, expectedVersion: $v, input: $i) { id firstName phone version } }`;
const ADD_CONTACT = `mutation($c: ID!, $n: String!) { addNetworkContact(citizenId: $c, input: { name: $n, relation: "bror" }) { id name } }`;

describe('a change and its access-log entry', () => {
  it('commit in one transaction, and reading the answer adds no second entry', async () => {
    const citizen = await citizenOfInger();
    const requestId = randomUUID();
    const updated = ok(
      await send(inger, UPDATE, { id: citizen.id, v: citizen.version, i: { phone: '+45 20 30 40 50' } }, { requestId }),
    ).updateCitizen;
    expect(updated).toMatchObject({ id: citizen.id, phone: '+45 20 30 40 50', version: citizen.version + 1 });
    const entries = await entriesOf(requestId);
    expect(entries.map((e) => [e.citizen_id, e.operation])).toEqual([[citizen.id, 'CHANGE']]);
    // xmin is the id of the transaction that wrote a row: the same for the change and its entry.
    const [row] = await db().query(`SELECT xmin::text AS xid FROM citizen WHERE id = $1`, [citizen.id]);
    expect(entries[0].xid).toBe(row.xid);
  });

  it('logs a registration: the new citizen, with the registration', async () => {
    const requestId = randomUUID();
    const res = ok(
      await send(
        inger,
        `mutation($i: RegisterCitizenInput!) { registerCitizen(input: $i) { id } }`,
        {
          i: { cpr: nextCpr(), firstName: 'Nanna', lastName: 'Ny', targetGroup: 'JOB_READY' },
        },
        { requestId },
      ),
    );
    const entries = await entriesOf(requestId);
    expect(entries.map((e) => [e.citizen_id, e.operation])).toEqual([[res.registerCitizen.id, 'CHANGE']]);
    const [row] = await db().query(`SELECT xmin::text AS xid FROM citizen WHERE id = $1`, [res.registerCitizen.id]);
    expect(entries[0].xid).toBe(row.xid);
  });

  it('leaves neither the change nor an entry when the transaction fails after both were written', async () => {
    const citizen = await citizenOfInger();
    // Fails at COMMIT, after the mutation's write and its CHANGE entry are in the transaction.
    await db().query(`CREATE FUNCTION test_refuse_contact() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.name = 'Fails At Commit' THEN RAISE EXCEPTION 'refused at commit'; END IF; RETURN NULL; END $$`);
    await db().query(`CREATE CONSTRAINT TRIGGER test_refuse_contact AFTER INSERT ON network_contact
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_refuse_contact()`);
    try {
      const before = await entriesFor(citizen.id);
      const requestId = randomUUID();
      const res = await send(inger, ADD_CONTACT, { c: citizen.id, n: 'Fails At Commit' }, { requestId });
      expect(errorCode(res)).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(res)).not.toMatch(/refused at commit|INSERT/);
      expect(await contactsNamed('Fails At Commit')).toBe(0);
      expect(await entriesOf(requestId)).toEqual([]);
      expect(await entriesFor(citizen.id)).toBe(before);
    } finally {
      await db().query('DROP TRIGGER test_refuse_contact ON network_contact');
      await db().query('DROP FUNCTION test_refuse_contact()');
    }
  });

  it('writes no CHANGE entry for a change refused inside its transaction (stale version)', async () => {
    const citizen = await citizenOfInger();
    const requestId = randomUUID();
    const res = await send(inger, UPDATE, { id: citizen.id, v: citizen.version + 7, i: { phone: '12345678' } }, { requestId });
    expect(errorCode(res)).toBe('CONFLICT');
    expect(await entriesOf(requestId)).toEqual([]);
  });

  it('writes a refused CHANGE, and nothing else, for a mutation refused by the caseload policy', async () => {
    const citizen = await citizenOfInger();
    const requestId = randomUUID();
    const res = await send(outsider, ADD_CONTACT, { c: citizen.id, n: 'Not Allowed' }, { requestId });
    expect(errorCode(res)).toBe('FORBIDDEN');
    // Written after the answer (not awaited, so the answer cannot tell a refusal from an unknown id).
    for (let i = 0; i < 40 && (await entriesOf(requestId)).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect((await entriesOf(requestId)).map((e) => [e.citizen_id, e.operation])).toEqual([[citizen.id, 'CHANGE_REFUSED']]);
    expect(await contactsNamed('Not Allowed')).toBe(0);
  });
});

describe('idempotency keys claimed in the change’s transaction', () => {
  it('a retry sent while the first is still inside its transaction is a CONFLICT; one write; a later retry gets the answer', async () => {
    const citizen = await citizenOfInger();
    const key = randomUUID();
    const name = `Held ${key.slice(0, 8)}`;
    // Hold the citizen's row: both requests stop inside their transaction (the contact's foreign key check waits).
    const holder = db().createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query('SELECT id FROM citizen WHERE id = $1 FOR UPDATE', [citizen.id]);
      const first = send(inger, ADD_CONTACT, { c: citizen.id, n: name }, { key });
      await waitForLockWaits(1);
      const retry = send(inger, ADD_CONTACT, { c: citizen.id, n: name }, { key });
      await waitForLockWaits(2);
      await holder.commitTransaction();
      const answers = await Promise.all([first, retry]);
      const won = answers.filter((a) => !a.errors);
      const lost = answers.filter((a) => a.errors);
      expect(won).toHaveLength(1);
      expect(errorCode(lost[0])).toBe('CONFLICT');
      expect(lost[0].errors![0].message).toMatch(/carried out first.*Retry with the same key/);
      expect(await contactsNamed(name)).toBe(1);
      const later = ok(await send(inger, ADD_CONTACT, { c: citizen.id, n: name }, { key }));
      expect(later).toEqual(won[0].data);
      expect(await contactsNamed(name)).toBe(1);
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
  });

  it('a retry of a versioned update racing the first gets the key CONFLICT, not a stale-version one; the version moves once', async () => {
    const citizen = await citizenOfInger();
    const key = randomUUID();
    const variables = { id: citizen.id, v: citizen.version, i: { phone: '+45 70 80 90 10' } };
    const holder = db().createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query('SELECT id FROM citizen WHERE id = $1 FOR UPDATE', [citizen.id]);
      const first = send(inger, UPDATE, variables, { key });
      await waitForLockWaits(1);
      const retry = send(inger, UPDATE, variables, { key });
      await waitForLockWaits(2);
      await holder.commitTransaction();
      const answers = await Promise.all([first, retry]);
      expect(answers.filter((a) => !a.errors)).toHaveLength(1);
      const lost = answers.find((a) => a.errors)!;
      expect(errorCode(lost)).toBe('CONFLICT');
      expect(lost.errors![0].message).toMatch(/Idempotency-Key was carried out first/);
      const [row] = await db().query('SELECT version FROM citizen WHERE id = $1', [citizen.id]);
      expect(row.version).toBe(citizen.version + 1);
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
  });

  it('a key committed without its answer (a crash in between) is a CONFLICT, never a second write', async () => {
    const citizen = await citizenOfInger();
    const key = randomUUID();
    const name = `Crash ${key.slice(0, 8)}`;
    ok(await send(inger, ADD_CONTACT, { c: citizen.id, n: name }, { key }));
    // As if the process died between the commit and storing the answer.
    await db().query(`UPDATE kit_idempotency_key SET response = NULL WHERE key = $1`, [key]);
    const soon = await send(inger, ADD_CONTACT, { c: citizen.id, n: name }, { key });
    expect(errorCode(soon)).toBe('CONFLICT');
    expect(soon.errors![0].message).toMatch(/being stored; retry in a moment/);
    await db().query(`UPDATE kit_idempotency_key SET created_at = now() - interval '10 minutes' WHERE key = $1`, [key]);
    const later = await send(inger, ADD_CONTACT, { c: citizen.id, n: name }, { key });
    expect(errorCode(later)).toBe('CONFLICT');
    expect(later.errors![0].message).toMatch(/answer could not be kept.*will not be carried out again/);
    expect(await contactsNamed(name)).toBe(1);
  });

  it('stores no key when the change fails, so the retry runs for real', async () => {
    const citizen = await citizenOfInger();
    const key = randomUUID();
    const stale = await send(inger, UPDATE, { id: citizen.id, v: citizen.version + 3, i: { phone: '11223344' } }, { key });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(await db().query('SELECT key FROM kit_idempotency_key WHERE key = $1', [key])).toEqual([]);
  });

  it('forgets a key after IDEMPOTENCY_KEY_TTL_HOURS: the same request runs again; expired keys are purged', async () => {
    const citizen = await citizenOfInger();
    const key = randomUUID();
    const name = `Expiring ${key.slice(0, 8)}`;
    const first = ok(await send(inger, ADD_CONTACT, { c: citizen.id, n: name }, { key })).addNetworkContact;
    expect(ok(await send(inger, ADD_CONTACT, { c: citizen.id, n: name }, { key })).addNetworkContact).toEqual(first);

    const previous = process.env.IDEMPOTENCY_KEY_TTL_HOURS;
    process.env.IDEMPOTENCY_KEY_TTL_HOURS = '2';
    try {
      await db().query(`UPDATE kit_idempotency_key SET created_at = now() - interval '90 minutes' WHERE key = $1`, [key]);
      expect(ok(await send(inger, ADD_CONTACT, { c: citizen.id, n: name }, { key })).addNetworkContact).toEqual(first);
      await db().query(`UPDATE kit_idempotency_key SET created_at = now() - interval '150 minutes' WHERE key = $1`, [key]);
      const again = ok(await send(inger, ADD_CONTACT, { c: citizen.id, n: name }, { key })).addNetworkContact;
      expect(again.id).not.toBe(first.id);
      expect(await contactsNamed(name)).toBe(2);
      // The key now holds the second answer, for its own lifetime.
      expect(ok(await send(inger, ADD_CONTACT, { c: citizen.id, n: name }, { key })).addNetworkContact).toEqual(again);

      await db().query(`UPDATE kit_idempotency_key SET created_at = now() - interval '3 hours' WHERE key = $1`, [key]);
      expect(await purgeIdempotencyKeys(db())).toBeGreaterThanOrEqual(1);
      expect(await db().query('SELECT key FROM kit_idempotency_key WHERE key = $1', [key])).toEqual([]);
    } finally {
      if (previous === undefined) delete process.env.IDEMPOTENCY_KEY_TTL_HOURS;
      else process.env.IDEMPOTENCY_KEY_TTL_HOURS = previous;
    }
  });
});
