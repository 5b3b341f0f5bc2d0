import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { DataSource } from 'typeorm';
import {
  AccessLogRow,
  accessLogRows,
  accessLogWriterOf,
  appendAccessLog,
  appendAccessLogInTransaction,
  isEncryptedField,
  KitAccessLog1795900000100,
  accessLogHash,
  GENESIS_HASH,
  SEARCHED_CPR_CONTEXT,
  verifyAccessLog,
} from '../src/audit-log';
import type { RequestContext } from '../src/context';
import { cprCipher } from '../src/crypto/field-cipher';
import { openDatabase } from '../src/database';
import { createDataSource } from '../src/parts';
import type { Actor } from '../src/identity';
import { createTestDatabase, startTestSubgraph, TestSubgraph } from '../src/testing';

/**
 * The read log's writer (one stream per process, group commit), the change log's per-citizen
 * streams, and what `verify:access-log` finds, on a real PostgreSQL.
 */
const inger: Actor = { id: randomUUID(), role: 'CASEWORKER', name: 'Inger Holm', team: 'Team Ryslinge' };

/** Reads "citizens" by id: every id is in Inger's caseload, so each one read is logged. */
@Resolver()
class PeekResolver {
  @Query(() => [ID], { description: 'The ids the actor may read.' })
  async peek(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: RequestContext): Promise<string[]> {
    return [...(await ctx.access.filter(ids))];
  }
}

let subgraph: TestSubgraph;
const db = () => subgraph.dataSource;
const ids = (n: number) => Array.from({ length: n }, () => randomUUID());

function row(overrides: Partial<AccessLogRow> = {}): AccessLogRow {
  return {
    at: new Date(),
    actorId: inger.id,
    actorRole: 'CASEWORKER',
    citizenId: randomUUID(),
    domain: 'peek',
    kind: 'personal data',
    operation: 'READ',
    purpose: 'CASE_WORK',
    reason: null,
    operationName: null,
    requestId: randomUUID(),
    searchedCpr: null,
    ...overrides,
  };
}

/** Runs `fn` as the superuser with the append-only trigger off: what an owner or superuser could do. */
async function behindTheTriggersBack(fn: (q: (sql: string, params?: unknown[]) => Promise<any[]>) => Promise<unknown>): Promise<void> {
  await db().transaction(async (tx) => {
    await tx.query('ALTER TABLE kit_access_log DISABLE TRIGGER kit_access_log_append_only');
    await fn((sql, params) => tx.query(sql, params));
    await tx.query('ALTER TABLE kit_access_log ENABLE TRIGGER kit_access_log_append_only');
  });
}

beforeAll(async () => {
  subgraph = await startTestSubgraph({
    name: 'peek',
    defaultPort: 0,
    resolvers: [PeekResolver],
    entities: [],
    migrations: [],
    access: { grants: () => async (citizenIds) => citizenIds.map((citizenId) => ({ citizenId, staffId: inger.id, team: inger.team! })) },
    createLoaders: () => ({}),
  });
});
afterAll(() => subgraph.stop());

describe('the read log writer', () => {
  it('logs a page of 50 citizens with one INSERT, outside the domain’s statements', async () => {
    const writer = accessLogWriterOf(db());
    const before = { ...writer.stats };
    const page = ids(50);
    const domain = await subgraph.countStatements(async () => {
      const res = await subgraph.as(inger, 'query($ids: [ID!]!) { peek(ids: $ids) }', { ids: page });
      expect(res.data.peek).toHaveLength(50);
    });
    expect(domain).toBe(0); // the stub grants cost no SQL; the log's INSERT is the writer's, not TypeORM's
    expect(writer.stats.statements - before.statements).toBe(1);
    expect(writer.stats.entries - before.entries).toBe(50);
  });

  it('has every one of 20 parallel requests’ entries committed when its response arrives, in fewer INSERTs than requests', async () => {
    const writer = accessLogWriterOf(db());
    const before = { ...writer.stats };
    const pages = Array.from({ length: 20 }, () => ids(50));
    const seenAtResponse = await Promise.all(
      pages.map(async (page) => {
        const res = await subgraph.as(inger, 'query($ids: [ID!]!) { peek(ids: $ids) }', { ids: page });
        expect(res.errors).toBeUndefined();
        const [{ n }] = await db().query('SELECT count(*)::int AS n FROM kit_access_log WHERE citizen_id = ANY($1::uuid[])', [page]);
        return n;
      }),
    );
    expect(seenAtResponse).toEqual(pages.map(() => 50));
    const batches = writer.stats.batches - before.batches;
    expect(writer.stats.statements - before.statements).toBe(batches); // one statement per batch, nothing else
    expect(batches).toBeGreaterThanOrEqual(1);
    expect(batches).toBeLessThanOrEqual(20);
    const { broken, streams } = await verifyAccessLog(db());
    expect(broken).toEqual([]);
    expect(streams).toBe(1);
  });

  it('groups appends made together into one statement', async () => {
    const writer = accessLogWriterOf(db());
    const before = writer.stats.statements;
    await Promise.all(Array.from({ length: 20 }, () => appendAccessLog(db(), [row(), row()])));
    expect(writer.stats.statements - before).toBe(1);
  });

  it('does not move the head when an INSERT fails: the batch is refused, the next one links to the last stored entry', async () => {
    const writer = accessLogWriterOf(db());
    await appendAccessLog(db(), [row()]);
    const failuresBefore = writer.stats.failures;
    // A domain too long for its column fails the whole INSERT; the good entry batched with it is refused too.
    const bad = appendAccessLog(db(), [row({ domain: 'x'.repeat(40) })]);
    const good = appendAccessLog(db(), [row()]);
    await expect(bad).rejects.toThrow(/too long/);
    await expect(good).rejects.toThrow(/too long/);
    expect(writer.stats.failures).toBe(failuresBefore + 1);
    const next = row();
    await appendAccessLog(db(), [next]);
    const positions = await db().query('SELECT stream_pos::int AS pos FROM kit_access_log WHERE stream_id = $1 ORDER BY stream_pos', [
      writer.streamId,
    ]);
    expect(positions.map((p: { pos: number }) => p.pos)).toEqual(positions.map((_: unknown, i: number) => i + 1));
    const [stored] = await db().query('SELECT request_id FROM kit_access_log WHERE stream_id = $1 ORDER BY stream_pos DESC LIMIT 1', [
      writer.streamId,
    ]);
    expect(stored.request_id).toBe(next.requestId);
    expect((await verifyAccessLog(db())).broken).toEqual([]);
  });

  it('starts a new stream when the process starts again, and both verify', async () => {
    const again = createDataSource({ url: (db().options as { url: string }).url, entities: [], migrations: [] });
    await again.initialize();
    try {
      await appendAccessLog(again, [row()]);
      expect(accessLogWriterOf(again).streamId).not.toBe(accessLogWriterOf(db()).streamId);
      expect(accessLogWriterOf(again).streamId).toMatch(/^p:[0-9a-f-]{36}$/);
      const [first] = await db().query('SELECT stream_pos::int AS pos, prev_hash FROM kit_access_log WHERE stream_id = $1', [
        accessLogWriterOf(again).streamId,
      ]);
      expect(first).toEqual({ pos: 1, prev_hash: GENESIS_HASH });
      const result = await verifyAccessLog(db());
      expect(result.broken).toEqual([]);
      expect(result.streams).toBe(2);
    } finally {
      await again.destroy();
    }
  });

  it('stores a searched CPR number only encrypted, and the chain verifies without the key', async () => {
    const citizenId = randomUUID();
    const [entry] = accessLogRows([{ citizenId, kind: 'personal data', purpose: 'CASE_WORK', search: '1403911234' }], {
      actor: inger,
      requestId: randomUUID(),
      operationName: 'FindByCpr',
      domain: 'peek',
      change: false,
    });
    await appendAccessLog(db(), [entry]);
    const [stored] = await db().query('SELECT searched_cpr, prev_hash, hash FROM kit_access_log WHERE citizen_id = $1', [citizenId]);
    expect(stored.searched_cpr).not.toContain('1403911234');
    expect(isEncryptedField(stored.searched_cpr)).toBe(true);
    expect(cprCipher().decrypt(stored.searched_cpr, SEARCHED_CPR_CONTEXT)).toBe('1403911234');
    expect(accessLogHash(stored.prev_hash, { ...entry, searchedCpr: stored.searched_cpr })).toBe(stored.hash);
  });
});

describe('the change log: a stream per citizen, inside the change’s transaction', () => {
  it('chains 10 concurrent changes of one citizen without a fork, and keeps nothing of a rolled-back one', async () => {
    const citizenId = randomUUID();
    await Promise.all(
      Array.from({ length: 10 }, () =>
        db().transaction((tx) => appendAccessLogInTransaction(tx, [row({ citizenId, operation: 'CHANGE' })])),
      ),
    );
    await expect(
      db().transaction(async (tx) => {
        await appendAccessLogInTransaction(tx, [row({ citizenId, operation: 'CHANGE', requestId: 'rolled-back' })]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const rows = await db().query(
      'SELECT stream_pos::int AS pos, request_id FROM kit_access_log WHERE stream_id = $1 ORDER BY stream_pos',
      [`c:${citizenId}`],
    );
    expect(rows.map((r: { pos: number }) => r.pos)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rows.map((r: { request_id: string }) => r.request_id)).not.toContain('rolled-back');
    expect((await verifyAccessLog(db())).broken).toEqual([]);
  });

  it('costs three statements in the transaction whatever the number of citizens: lock, heads, insert', async () => {
    let statements = 0;
    await db().transaction(async (tx) => {
      const counting = new Proxy(tx, {
        get: (target, key) =>
          key === 'query' ? (sql: string, params?: unknown[]) => ((statements += 1), target.query(sql, params)) : (target as any)[key],
      });
      await appendAccessLogInTransaction(
        counting,
        ids(25).map((citizenId) => row({ citizenId, operation: 'CHANGE' })),
      );
    });
    expect(statements).toBe(3);
  });
});

describe('verify:access-log', () => {
  /** A stream of five entries of its own to tamper with. */
  async function freshStream(): Promise<{ streamId: string; seqs: string[] }> {
    const citizenId = randomUUID();
    for (let i = 0; i < 5; i += 1)
      await db().transaction((tx) => appendAccessLogInTransaction(tx, [row({ citizenId, operation: 'CHANGE' })]));
    const rows = await db().query('SELECT seq::text FROM kit_access_log WHERE stream_id = $1 ORDER BY stream_pos', [`c:${citizenId}`]);
    return { streamId: `c:${citizenId}`, seqs: rows.map((r: { seq: string }) => r.seq) };
  }
  const brokenIn = async (streamId: string) => (await verifyAccessLog(db())).broken.filter((b) => b.streamId === streamId);

  it('finds a deleted entry in the middle of a stream', async () => {
    const { streamId, seqs } = await freshStream();
    await behindTheTriggersBack((q) => q('DELETE FROM kit_access_log WHERE seq = $1', [seqs[2]]));
    expect(await brokenIn(streamId)).toEqual([
      expect.objectContaining({ position: '4', problem: 'entry 3 is missing' }),
      expect.objectContaining({ position: '4', problem: 'does not follow the previous entry' }),
    ]);
  });

  it('finds a changed entry', async () => {
    const { streamId, seqs } = await freshStream();
    await behindTheTriggersBack((q) => q(`UPDATE kit_access_log SET actor_role = 'CITIZEN' WHERE seq = $1`, [seqs[1]]));
    expect(await brokenIn(streamId)).toEqual([
      expect.objectContaining({ position: '2', seq: seqs[1], problem: 'content does not match its hash' }),
    ]);
  });

  it('finds an entry inserted in the middle, even one with a well-formed hash', async () => {
    const { streamId } = await freshStream();
    await behindTheTriggersBack(async (q) => {
      // Make room after position 2 and slip in an entry that links correctly to position 2.
      await q('UPDATE kit_access_log SET stream_pos = -stream_pos - 1 WHERE stream_id = $1 AND stream_pos > 2', [streamId]);
      await q('UPDATE kit_access_log SET stream_pos = -stream_pos WHERE stream_id = $1 AND stream_pos < 0', [streamId]);
      const [second] = await q('SELECT hash FROM kit_access_log WHERE stream_id = $1 AND stream_pos = 2', [streamId]);
      const fake = row({ citizenId: streamId.slice(2), operation: 'CHANGE', actorRole: 'CITIZEN' });
      await q(
        `INSERT INTO kit_access_log (at, actor_id, actor_role, citizen_id, domain, kind, operation, purpose, reason, operation_name, request_id, searched_cpr, prev_hash, hash, stream_id, stream_pos)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, NULL, $9, NULL, $10, $11, $12, 3)`,
        [
          fake.at,
          fake.actorId,
          fake.actorRole,
          fake.citizenId,
          fake.domain,
          fake.kind,
          fake.operation,
          fake.purpose,
          fake.requestId,
          second.hash,
          accessLogHash(second.hash, fake),
          streamId,
        ],
      );
    });
    expect(await brokenIn(streamId)).toEqual([expect.objectContaining({ position: '4', problem: 'does not follow the previous entry' })]);
  });

  it('accepts a stream whose oldest entries retention removed, starting at its first remaining one', async () => {
    const { streamId, seqs } = await freshStream();
    await behindTheTriggersBack((q) => q('DELETE FROM kit_access_log WHERE seq = ANY($1::bigint[])', [seqs.slice(0, 2)]));
    expect(await brokenIn(streamId)).toEqual([]);
  });
});

describe('the migration to streams', () => {
  it('turns per-citizen chains into streams c:<citizen>, encrypts searched CPR numbers, and everything still verifies', async () => {
    const database = await createTestDatabase('streams');
    const old = new DataSource({ type: 'postgres', url: database.url, migrations: [KitAccessLog1795900000100] });
    let upgraded: DataSource | undefined;
    try {
      await old.initialize();
      await old.runMigrations();
      const citizens = [randomUUID(), randomUUID()];
      const heads = new Map<string, string>();
      // Interleaved entries of two citizens, as the per-citizen chains wrote them (plain CPR included).
      for (let i = 0; i < 6; i += 1) {
        const citizenId = citizens[i % 2];
        const entry = row({
          citizenId,
          at: new Date(Date.now() - (10 - i) * 1000),
          searchedCpr: i === 2 ? '0101901234' : null,
          operation: i === 2 ? 'SEARCH' : 'READ',
        });
        const prevHash = heads.get(citizenId) ?? GENESIS_HASH;
        const hash = accessLogHash(prevHash, entry);
        heads.set(citizenId, hash);
        await old.query(
          `INSERT INTO kit_access_log (at, actor_id, actor_role, citizen_id, domain, kind, operation, purpose, reason, operation_name, request_id, searched_cpr, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, NULL, $9, $10, $11, $12)`,
          [
            entry.at,
            entry.actorId,
            entry.actorRole,
            entry.citizenId,
            entry.domain,
            entry.kind,
            entry.operation,
            entry.purpose,
            entry.requestId,
            entry.searchedCpr,
            prevHash,
            hash,
          ],
        );
      }
      await old.destroy();
      upgraded = createDataSource({ url: database.url, entities: [], migrations: [] });
      await openDatabase(upgraded);
      const rows = await upgraded.query(
        'SELECT citizen_id, stream_id, stream_pos::int AS pos, searched_cpr FROM kit_access_log ORDER BY seq',
      );
      expect(rows.map((r: any) => [r.stream_id, r.pos])).toEqual([
        [`c:${citizens[0]}`, 1],
        [`c:${citizens[1]}`, 1],
        [`c:${citizens[0]}`, 2],
        [`c:${citizens[1]}`, 2],
        [`c:${citizens[0]}`, 3],
        [`c:${citizens[1]}`, 3],
      ]);
      expect(isEncryptedField(rows[2].searched_cpr)).toBe(true);
      expect(cprCipher().decrypt(rows[2].searched_cpr, SEARCHED_CPR_CONTEXT)).toBe('0101901234');
      expect(await verifyAccessLog(upgraded)).toEqual({ entries: 6, streams: 2, broken: [] });
      // New entries continue the old chains.
      await upgraded.transaction((tx) => appendAccessLogInTransaction(tx, [row({ citizenId: citizens[1], operation: 'CHANGE' })]));
      expect((await verifyAccessLog(upgraded)).broken).toEqual([]);
    } finally {
      if (old.isInitialized) await old.destroy();
      await upgraded?.destroy();
      await database.drop();
    }
  });
});
