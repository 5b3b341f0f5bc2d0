import { randomBytes } from 'node:crypto';
import { createLogger, cprCipher, resetCprCipher } from '@jobcenter/kit';
import { errorCode, startTestSubgraph, TestSubgraph } from '@jobcenter/kit/testing';
import { citizensSubgraph } from '../src/server';
import { rotateCprKeys } from '../src/cpr/cpr.rotation';
import { assign, createStaff, nextCpr, registerCitizen, staffActor } from './builders';

const CPR_ENV = ['CPR_ENCRYPTION_KEYS', 'CPR_ENCRYPTION_KEY_ID', 'CPR_BLIND_INDEX_KEY'] as const;
const saved = Object.fromEntries(CPR_ENV.map((k) => [k, process.env[k]]));
const key = () => randomBytes(32).toString('base64');
const k1 = key();
const k2 = key();

/** Configures the CPR keys as an operator would, and makes the process read them again. */
function useKeys(keys: string, active: string) {
  process.env.CPR_ENCRYPTION_KEYS = keys;
  process.env.CPR_ENCRYPTION_KEY_ID = active;
  resetCprCipher();
}

// The log of everything the service says while these tests run, at the most talkative level.
const logged: string[] = [];
let subgraph: TestSubgraph;
let inger: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  process.env.CPR_BLIND_INDEX_KEY = randomBytes(32).toString('base64');
  useKeys(`k1:${k1}`, 'k1');
  const logger = createLogger('citizens', { level: 'trace', destination: { write: (line: string) => void logged.push(line) } });
  subgraph = await startTestSubgraph(citizensSubgraph, { logger });
  inger = await createStaff(subgraph, { name: 'Inger Holm', role: 'CASEWORKER' });
});
afterAll(async () => {
  await subgraph.stop();
  for (const k of CPR_ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  resetCprCipher();
});

const caseworker = () => staffActor(inger);
const digitsOf = (cpr: string) => cpr.replace('-', '');

/** Registers a citizen on Inger's caseload, so she sees the full number. */
async function registerOwn(cpr = nextCpr()) {
  const citizen = await registerCitizen(subgraph, caseworker(), { cpr });
  await assign(subgraph, citizen.id, inger);
  return { ...citizen, cpr };
}

const rawRow = async (id: string): Promise<{ text: string; cpr_encrypted: string; cpr_index: string; version: number }> =>
  (
    await subgraph.dataSource.query(`SELECT row_to_json(c)::text AS text, cpr_encrypted, cpr_index, version FROM citizen c WHERE id = $1`, [
      id,
    ])
  )[0];

const findByCpr = (cpr: string) => subgraph.as(caseworker(), `query($cpr: String!) { citizenByCpr(cpr: $cpr) { id cpr } }`, { cpr });

describe('a CPR number at rest', () => {
  it('is in no column of the row, neither as digits nor formatted', async () => {
    const c = await registerOwn();
    const row = await rawRow(c.id);
    expect(row.text).not.toContain(digitsOf(c.cpr));
    expect(row.text).not.toContain(c.cpr);
    expect(row.text).not.toContain(c.cpr.slice(7));
    expect(row.cpr_encrypted).toMatch(/^v1\.k1\./);
    expect(row.cpr_index).toBe(cprCipher().blindIndex(digitsOf(c.cpr)));
    // The same number encrypts differently every time (a fresh IV): equal ciphertexts reveal nothing.
    expect(cprCipher().encrypt(digitsOf(c.cpr), 'citizen.cpr')).not.toBe(row.cpr_encrypted);
  });

  it('is found by its blind index, written with or without the dash', async () => {
    const c = await registerOwn();
    for (const written of [c.cpr, digitsOf(c.cpr)]) {
      const res = await findByCpr(written);
      expect(res.errors).toBeUndefined();
      expect(res.data.citizenByCpr).toEqual({ id: c.id, cpr: c.cpr });
    }
    expect((await findByCpr(nextCpr())).data.citizenByCpr).toBeNull();
  });

  it('cannot be registered twice, in either format: CONFLICT on the blind index', async () => {
    const c = await registerOwn();
    const again = await subgraph.as(
      caseworker(),
      `mutation($cpr: String!) { registerCitizen(input: {
        cpr: $cpr, firstName: "A", lastName: "B", targetGroup: JOB_READY }) { id } }`,
      { cpr: digitsOf(c.cpr) },
    );
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors![0].message).toBe('A citizen with this CPR number is already registered; look them up instead.');
    expect(
      Number(
        (await subgraph.dataSource.query(`SELECT count(*) FROM citizen WHERE cpr_index = $1`, [cprCipher().blindIndex(digitsOf(c.cpr))]))[0]
          .count,
      ),
    ).toBe(1);
  });

  it.each([
    [
      'a changed ciphertext',
      (stored: string) =>
        stored.replace(/\.([A-Za-z0-9_-])([A-Za-z0-9_-]*)\.([^.]+)$/, (_m, a, rest, tag) => `.${a === 'A' ? 'B' : 'A'}${rest}.${tag}`),
    ],
    ['a value that is not a ciphertext', () => 'garbage'],
  ])('is an INTERNAL_SERVER_ERROR with no detail for %s', async (_what, tamper) => {
    const c = await registerOwn();
    const row = await rawRow(c.id);
    await subgraph.dataSource.query(`UPDATE citizen SET cpr_encrypted = $2 WHERE id = $1`, [c.id, tamper(row.cpr_encrypted)]);
    const res = await subgraph.as(caseworker(), `query($id: ID!) { citizen(id: $id) { cpr } }`, { id: c.id });
    expect(errorCode(res)).toBe('INTERNAL_SERVER_ERROR');
    expect(res.errors![0].message).toBe('Something went wrong on our side. The error has been logged; please try again.');
    expect(Object.keys(res.errors![0].extensions!)).toEqual(['code']);
    expect(JSON.stringify(res)).not.toMatch(/decrypt|k1|v1\.|authenticate/i);
    // The log names the citizen, so the fault can be found; never the number.
    expect(logged.join('')).toContain(`The stored CPR number of citizen ${c.id} cannot be decrypted`);
  });

  it("is an INTERNAL_SERVER_ERROR when another citizen's ciphertext is copied into the row", async () => {
    const [a, b] = [await registerOwn(), await registerOwn()];
    await subgraph.dataSource.query(`UPDATE citizen SET cpr_encrypted = (SELECT cpr_encrypted FROM citizen WHERE id = $2) WHERE id = $1`, [
      a.id,
      b.id,
    ]);
    const res = await subgraph.as(caseworker(), `query($id: ID!) { citizen(id: $id) { cpr } }`, { id: a.id });
    expect(errorCode(res)).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(res)).not.toContain(b.cpr.slice(7));
  });
});

describe('the service log', () => {
  it('never holds a CPR number, with or without the dash, whatever the request', async () => {
    const cpr = nextCpr();
    const before = logged.length;
    const register = (variables: Record<string, unknown>) =>
      subgraph.as(
        caseworker(),
        `mutation Register($input: RegisterCitizenInput!) { registerCitizen(input: $input) { id cpr } }`,
        variables,
      );
    const input = { cpr, firstName: 'Log', lastName: 'Test', targetGroup: 'JOB_READY' };
    const registered = await register({ input });
    expect(registered.errors).toBeUndefined();
    await assign(subgraph, registered.data.registerCitizen.id, inger);
    expect(errorCode(await register({ input: { ...input, cpr: digitsOf(cpr) } }))).toBe('CONFLICT');
    // GraphQL's own input errors quote the value sent: the number is not repeated back.
    const missing = await register({ input: { cpr, firstName: 'Log' } });
    expect(errorCode(missing)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(missing)).not.toContain(cpr.slice(7));
    const wrongType = await register({ input: { ...input, cpr: Number(digitsOf(cpr)) } });
    expect(wrongType.errors).toBeDefined();
    expect(JSON.stringify(wrongType)).not.toContain(cpr.slice(7));
    for (const written of [cpr, digitsOf(cpr)]) {
      expect((await findByCpr(written)).data.citizenByCpr.cpr).toBe(cpr);
    }
    // A query that fails inside the service logs the error in full: still no number.
    await subgraph.dataSource.query(`UPDATE citizen SET cpr_encrypted = 'garbage' WHERE id = $1`, [registered.data.registerCitizen.id]);
    expect(errorCode(await findByCpr(cpr))).toBe('INTERNAL_SERVER_ERROR');

    const log = logged.slice(before).join('');
    expect(log).toContain('graphql request');
    expect(log).toContain('internal error masked for the client');
    expect(log).not.toContain(cpr);
    expect(log).not.toContain(digitsOf(cpr));
    // The serial on its own, not as digits inside another number (a timing like 142.610008 holds "1000").
    expect(log).not.toMatch(new RegExp(`(?<![0-9])${cpr.slice(7)}(?![0-9])`));
  });
});

describe('rotating the CPR key', () => {
  it('re-encrypts every row under the new key, in batches; all are still found and read; a second run changes nothing', async () => {
    useKeys(`k1:${k1}`, 'k1');
    const citizens = [];
    for (let i = 0; i < 7; i += 1) citizens.push(await registerOwn());
    // Rows the tests above spoiled on purpose stay as they are and are reported.
    const rows: { id: string; cpr_encrypted: string; version: number }[] = await subgraph.dataSource.query(
      `SELECT id, cpr_encrypted, version FROM citizen ORDER BY id`,
    );
    const readable = (stored: string) => {
      try {
        return Boolean(cprCipher().decrypt(stored, 'citizen.cpr'));
      } catch {
        return false;
      }
    };
    const unreadable = rows.filter((r) => !readable(r.cpr_encrypted)).map((r) => r.id);
    const versions = new Map(rows.map((r) => [r.id, r.version]));
    expect(rows.length - unreadable.length).toBeGreaterThanOrEqual(7);

    useKeys(`k1:${k1},k2:${k2}`, 'k2');
    const first = await rotateCprKeys(subgraph.dataSource, 3);
    expect(first.activeKeyId).toBe('k2');
    expect(first.before.k1).toBe(rows.filter((r) => r.cpr_encrypted.startsWith('v1.k1.')).length);
    expect(first.rotated).toBe(rows.length - unreadable.length);
    expect(first.unreadable).toEqual(unreadable);
    const after = await subgraph.dataSource.query(`SELECT id, cpr_encrypted, version FROM citizen`);
    for (const row of after as typeof rows) {
      if (unreadable.includes(row.id)) continue;
      expect(cprCipher().keyIdOf(row.cpr_encrypted)).toBe('k2');
      expect(row.version).toBe(versions.get(row.id));
    }

    const second = await rotateCprKeys(subgraph.dataSource, 3);
    expect(second.rotated).toBe(0);
    expect(second.before.k2).toBe(rows.length - unreadable.length);

    // The old key can go: everything is read and found with k2 alone.
    useKeys(`k2:${k2}`, 'k2');
    for (const c of citizens) {
      expect((await findByCpr(digitsOf(c.cpr))).data.citizenByCpr).toEqual({ id: c.id, cpr: c.cpr });
    }
  });
});
