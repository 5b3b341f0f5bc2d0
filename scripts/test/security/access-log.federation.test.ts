import type { Actor } from '@jobcenter/kit';
import {
  AccessLogWriter,
  accessLogWriterOf,
  cprCipher,
  purgeAccessLog,
  rawPool,
  verifyAccessLog,
  accessLogRetentionDays,
  GENESIS_HASH,
  SEARCHED_CPR_CONTEXT,
} from '@jobcenter/kit';
import { errorCode } from '@jobcenter/kit/testing';
import { DEMO_TEAM, demoCitizens, demoStaff } from '@jobcenter/demo-cast';
import { operation } from '@jobcenter/gateway/operations';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { subgraphs } from '../../src/services';
import { fillCaseload } from '../../src/bench-scenarios';

/**
 * "Who has looked at my data": every read and change of a citizen's data, in all four
 * domains, logged before the answer leaves, readable by the citizen and their team lead.
 */
let federation: TestFederation;
const staff = (key: keyof typeof demoStaff): Actor => ({ ...demoStaff[key], team: DEMO_TEAM });
const per: Actor = { id: demoCitizens.per.id, role: 'CITIZEN', name: 'Per Hansen' };
const ACCESS_LOG = `query($id: ID!) { citizen(id: $id) { accessLog { at domain kind operation purpose reason actorRole actorId operationName } } }`;

beforeAll(async () => {
  federation = await startTestFederation(subgraphs);
  for (const definition of subgraphs) await definition.seedDemo?.(federation.subgraphs[definition.name].dataSource);
});
afterAll(() => federation.stop());

const db = (name: string) => federation.subgraphs[name].dataSource;

describe('the access log', () => {
  it('shows Per one list across the four domains, newest first: who (by role) looked, why and at what', async () => {
    const read = await federation.as(staff('inger'), operation('CaseworkerCaseload'), { staffId: demoStaff.inger.id });
    expect(read.errors).toBeUndefined();
    const res = await federation.as(per, ACCESS_LOG, { id: per.id });
    expect(res.errors).toBeUndefined();
    const log = res.data.citizen.accessLog as any[];
    const byInger = log.filter((e) => e.operationName === null && e.actorRole === 'CASEWORKER' && e.purpose === 'CASE_WORK');
    expect(new Set(byInger.map((e) => e.domain))).toEqual(new Set(['citizens', 'plans', 'meetings', 'placements']));
    for (const e of byInger) expect(e).toMatchObject({ operation: 'READ', actorId: null });
    const times = log.map((e) => new Date(e.at).getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // His own reading of his log is on it too, as his own access.
    const again = (await federation.as(per, ACCESS_LOG, { id: per.id })).data.citizen.accessLog as any[];
    expect(again[0]).toMatchObject({ domain: 'citizens', purpose: 'OWN_ACCESS', actorRole: 'CITIZEN' });
  });

  it('shows the team lead who looked (the staff id and operation), for review', async () => {
    await federation.as(staff('inger'), operation('CaseworkerCaseload'), { staffId: demoStaff.inger.id });
    const res = await federation.as(staff('lone'), ACCESS_LOG, { id: per.id });
    expect(res.errors).toBeUndefined();
    const entries = (res.data.citizen.accessLog as any[]).filter((e) => e.actorId === demoStaff.inger.id);
    expect(entries.length).toBeGreaterThanOrEqual(4);
    expect(entries[0].operationName).toBe('CaseworkerCaseload');
  });

  it('is FORBIDDEN to the caseworker, an analyst, and a team lead of another team; another citizen gets null', async () => {
    for (const actor of [
      staff('inger'),
      staff('karin'),
      { ...staff('lone'), id: demoStaff.mette.id, role: 'TEAM_LEAD', team: 'Team Vest' } as Actor,
    ]) {
      const res = await federation.as(actor, ACCESS_LOG, { id: per.id });
      expect(errorCode(res)).toBe('FORBIDDEN');
      expect(JSON.stringify(res.data ?? null)).not.toContain('CASE_WORK');
    }
    const svend: Actor = { id: demoCitizens.svend.id, role: 'CITIZEN', name: 'Svend' };
    const other = await federation.as(svend, ACCESS_LOG, { id: per.id });
    expect(other.errors).toBeUndefined();
    expect(other.data).toEqual({ citizen: null });
  });

  it('logs a CPR search with the number searched for (encrypted), and the masked hit it gave', async () => {
    const jens = staff('sofie'); // a consultant of the team, not on Per's case (Jens is his job consultant)
    const res = await federation.as(jens, `query { citizenByCpr(cpr: "${demoCitizens.per.cpr}") { id cpr firstName } }`);
    expect(res.data.citizenByCpr).toEqual({ id: per.id, cpr: '140391-****', firstName: 'Per' });
    const rows = await db('citizens').query(
      `SELECT operation, searched_cpr, actor_id FROM kit_access_log WHERE citizen_id = $1 AND operation = 'SEARCH'`,
      [per.id],
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.searched_cpr).not.toContain(demoCitizens.per.cpr);
    expect(rows.map((r: any) => ({ ...r, searched_cpr: cprCipher().decrypt(r.searched_cpr, SEARCHED_CPR_CONTEXT) }))).toContainEqual({
      operation: 'SEARCH',
      searched_cpr: demoCitizens.per.cpr,
      actor_id: jens.id,
    });
  });

  it('logs a page of 50 citizens with one INSERT per batch in the citizens subgraph', async () => {
    await fillCaseload(federation.subgraphs as any, 60);
    const writer = accessLogWriterOf(db('citizens'));
    const before = { ...writer.stats };
    const res = await federation.as(staff('inger'), `{ citizens(first: 50) { nodes { id firstName } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.citizens.nodes).toHaveLength(50);
    expect(writer.stats.statements - before.statements).toBe(1);
    expect(writer.stats.entries - before.entries).toBeGreaterThanOrEqual(50);
  });

  it('logs changes as CHANGE, with the request id the gateway gave', async () => {
    const res = await federation.as(
      staff('inger'),
      `mutation($c: ID!) { addNetworkContact(citizenId: $c, input: { name: "Kirsten", relation: "søster" }) { id } }`,
      { c: per.id },
    );
    expect(res.errors).toBeUndefined();
    const [row] = await db('citizens').query(
      `SELECT operation, purpose, actor_role, request_id FROM kit_access_log WHERE citizen_id = $1 ORDER BY seq DESC LIMIT 1`,
      [per.id],
    );
    expect(row).toMatchObject({ operation: 'CHANGE', purpose: 'CASE_WORK', actor_role: 'CASEWORKER' });
    expect(row.request_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('withholds the data when the read cannot be logged', async () => {
    const plans = db('plans');
    await plans.query('ALTER TABLE kit_access_log RENAME TO kit_access_log_away');
    try {
      const res = await federation.as(per, `query($id: ID!) { citizen(id: $id) { activePlan { longTermGoal } } }`, { id: per.id });
      expect(errorCode(res)).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(res)).not.toMatch(/mekaniker/);
    } finally {
      await plans.query('ALTER TABLE kit_access_log_away RENAME TO kit_access_log');
    }
  });
});

describe('tamper evidence and retention', () => {
  it('offers no API that changes or deletes entries', () => {
    for (const definition of subgraphs) {
      const mutations = federation.subgraphs[definition.name].schema.getMutationType()?.getFields() ?? {};
      expect(Object.keys(mutations).filter((name) => /log/i.test(name))).toEqual([]);
    }
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself, even to a superuser while the trigger is on', async () => {
    const meetings = db('meetings');
    await expect(meetings.query(`UPDATE kit_access_log SET actor_role = 'CITIZEN'`)).rejects.toThrow(/append-only/);
    await expect(meetings.query(`DELETE FROM kit_access_log`)).rejects.toThrow(/append-only/);
    await expect(meetings.query(`TRUNCATE kit_access_log`)).rejects.toThrow(/append-only/);
  });

  it('verifies every chain, and finds an entry changed behind the trigger’s back', async () => {
    for (const definition of subgraphs) {
      const result = await verifyAccessLog(db(definition.name));
      expect(result.broken).toEqual([]);
      // Subgraphs with a caseload policy logged the demo's reads; insights (aggregates only, no
      // access policy) reads no person's data, so its chain stays empty.
      if (definition.access) expect(result.entries).toBeGreaterThan(0);
      else expect(result.entries).toBe(0);
    }
    const placements = db('placements');
    // Someone with the owner's rights switches the trigger off and rewrites who looked.
    await placements.query('ALTER TABLE kit_access_log DISABLE TRIGGER kit_access_log_append_only');
    const [victim] = await placements.query(
      `SELECT seq::text, citizen_id, stream_id, stream_pos::text AS pos FROM kit_access_log ORDER BY seq LIMIT 1`,
    );
    await placements.query(`UPDATE kit_access_log SET actor_role = 'CITIZEN' WHERE seq = $1`, [victim.seq]);
    await placements.query('ALTER TABLE kit_access_log ENABLE TRIGGER kit_access_log_append_only');
    const result = await verifyAccessLog(placements);
    expect(result.broken).toContainEqual({
      streamId: victim.stream_id,
      position: victim.pos,
      citizenId: victim.citizen_id,
      seq: victim.seq,
      problem: 'content does not match its hash',
    });
  });

  it('chains each stream’s entries: the first starts from the genesis hash, each next from the one before', async () => {
    const streamId = accessLogWriterOf(db('meetings')).streamId;
    const rows = await db('meetings').query(
      `SELECT stream_pos::int AS pos, prev_hash, hash FROM kit_access_log WHERE stream_id = $1 ORDER BY stream_pos`,
      [streamId],
    );
    expect(rows.length).toBeGreaterThan(1);
    expect(rows[0]).toMatchObject({ pos: 1, prev_hash: GENESIS_HASH });
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]).toMatchObject({ pos: i + 1, prev_hash: rows[i - 1].hash });
  });

  it('deletes entries past the retention period (2 years by default, never under 6 months), and only those', async () => {
    const previous = process.env.ACCESS_LOG_RETENTION_DAYS;
    try {
      delete process.env.ACCESS_LOG_RETENTION_DAYS;
      expect(accessLogRetentionDays()).toBe(730);
      process.env.ACCESS_LOG_RETENTION_DAYS = '30';
      expect(accessLogRetentionDays()).toBe(183);
    } finally {
      if (previous === undefined) delete process.env.ACCESS_LOG_RETENTION_DAYS;
      else process.env.ACCESS_LOG_RETENTION_DAYS = previous;
    }
    const plans = db('plans');
    const citizenId = demoCitizens.line.id;
    const old = (days: number) => ({
      at: new Date(Date.now() - days * 86_400_000),
      actorId: 'x',
      actorRole: 'CASEWORKER',
      citizenId,
      domain: 'plans',
      kind: 'plans and progress',
      operation: 'READ' as const,
      purpose: 'CASE_WORK',
      reason: null,
      operationName: null,
      requestId: `old-${days}`,
      searchedCpr: null,
    });
    // Written as by an earlier process (a stream of its own): retention removes a stream's leading old entries.
    await new AccessLogWriter(() => rawPool(plans)).append([old(800), old(400), old(100)]);
    expect(await purgeAccessLog(plans, 730)).toBe(1);
    const left = () => plans.query(`SELECT request_id FROM kit_access_log WHERE request_id LIKE 'old-%' ORDER BY seq`);
    expect(await left()).toEqual([{ request_id: 'old-400' }, { request_id: 'old-100' }]);
    // 30 days is raised to the 6-month minimum: the 100-day-old entry stays.
    expect(await purgeAccessLog(plans, 30)).toBe(1);
    expect(await left()).toEqual([{ request_id: 'old-100' }]);
    expect((await verifyAccessLog(plans)).broken).toEqual([]);
  });
});
