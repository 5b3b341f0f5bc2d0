import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { citizensSubgraph } from '@jobcenter/citizens';
import { Actor, createFieldCipher, fieldCipherKeysFromEnv, resetCprCipher } from '@jobcenter/kit';
import { startTestSubgraph, TestSubgraph } from '@jobcenter/kit/testing';

/** `npm run rotate:cpr-key` as an operator runs it: its own process, keys and database from the environment. */
const SCRIPT = path.resolve(__dirname, '../src/rotate-cpr-key.js');
const run = promisify(execFile);
const key = () => randomBytes(32).toString('base64');
const keys = { k1: key(), k2: key(), index: randomBytes(32).toString('base64') };
const CPR_ENV = ['CPR_ENCRYPTION_KEYS', 'CPR_ENCRYPTION_KEY_ID', 'CPR_BLIND_INDEX_KEY'] as const;
const saved = Object.fromEntries(CPR_ENV.map((k) => [k, process.env[k]]));
const teamLead: Actor = { id: randomUUID(), role: 'TEAM_LEAD', name: 'Lone Friis', team: 'Team Rotation' };

let subgraph: TestSubgraph;

beforeAll(async () => {
  Object.assign(process.env, { CPR_ENCRYPTION_KEYS: `k1:${keys.k1}`, CPR_ENCRYPTION_KEY_ID: 'k1', CPR_BLIND_INDEX_KEY: keys.index });
  resetCprCipher();
  subgraph = await startTestSubgraph(citizensSubgraph);
});
afterAll(async () => {
  await subgraph.stop();
  for (const k of CPR_ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  resetCprCipher();
});

const rotate = (env: Record<string, string>) =>
  run(process.execPath, [SCRIPT], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      CITIZENS_DATABASE_URL: (subgraph.dataSource.options as { url: string }).url,
      ...env,
    },
  });

it('re-encrypts every citizen under the new key, prints counts, and changes nothing the second time', async () => {
  for (let i = 1; i <= 5; i += 1) {
    const res = await subgraph.as(
      teamLead,
      `mutation($cpr: String!) { registerCitizen(input: {
        cpr: $cpr, firstName: "Rotation", lastName: "Test", targetGroup: JOB_READY }) { id } }`,
      { cpr: `0${i}0385-12${i}4` },
    );
    expect(res.errors).toBeUndefined();
  }
  const env = {
    CPR_ENCRYPTION_KEYS: `k1:${keys.k1},k2:${keys.k2}`,
    CPR_ENCRYPTION_KEY_ID: 'k2',
    CPR_BLIND_INDEX_KEY: keys.index,
    ROTATE_BATCH_SIZE: '2',
  };
  const first = await rotate(env);
  expect(first.stdout).toBe('active key: k2\ncitizens by key before: k1: 5\nre-encrypted under k2: 5\n');
  const second = await rotate(env);
  expect(second.stdout).toBe('active key: k2\ncitizens by key before: k2: 5\nre-encrypted under k2: 0\n');

  // Readable with the new key alone.
  const k2Only = createFieldCipher(fieldCipherKeysFromEnv({ CPR_ENCRYPTION_KEYS: `k2:${keys.k2}`, CPR_BLIND_INDEX_KEY: keys.index }));
  const rows: { cpr_encrypted: string }[] = await subgraph.dataSource.query(`SELECT cpr_encrypted FROM citizen ORDER BY last_name`);
  expect(rows.map((r) => k2Only.decrypt(r.cpr_encrypted, 'citizen.cpr')).sort()).toEqual([
    '0103851214',
    '0203851224',
    '0303851234',
    '0403851244',
    '0503851254',
  ]);
});

it('refuses to run in production without keys', async () => {
  await expect(rotate({})).rejects.toMatchObject({
    code: 1,
    stderr: expect.stringContaining('CPR_ENCRYPTION_KEYS must be set in production'),
  });
});
