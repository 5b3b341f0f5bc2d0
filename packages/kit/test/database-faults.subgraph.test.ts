import 'reflect-metadata';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Arg, Field, ID, Int, Mutation, ObjectType, Query, Resolver, Ctx } from 'type-graphql';
import { Column, DataSource, Entity, MigrationInterface, PrimaryGeneratedColumn, QueryRunner } from 'typeorm';
import { RequestContext } from '../src/context';
import { openDatabase } from '../src/database';
import { createDataSource } from '../src/parts';
import { ensureDatabase, withDatabase } from '../src/embedded-postgres';
import { PostgresProcess, startPostgresProcess } from '../src/testing/postgres-process';
import { RunningSubgraph, startSubgraph, SubgraphDefinition } from '../src/subgraph';
import { createTestDatabase, gatewayHeadersFor, postGraphQL } from '../src/testing';
import { freePort } from '../src/testing/ports';

/** A one-table subgraph: every acknowledged `addNote` must still be there after any fault. */
@ObjectType()
@Entity('note')
class Note {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_note' })
  id!: string;

  @Field()
  @Column('text')
  text!: string;
}

class CreateNotes1700000000001 implements MigrationInterface {
  name = 'CreateNotes1700000000001';
  async up(q: QueryRunner): Promise<void> {
    await q.query('SELECT pg_sleep(0.3)'); // long enough for a second migrator to collide without the lock
    await q.query(
      `CREATE TABLE "note" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "text" text NOT NULL, CONSTRAINT "pk_note" PRIMARY KEY ("id"))`,
    );
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "note"');
  }
}

@Resolver()
class NoteResolver {
  @Mutation(() => Note)
  addNote(@Arg('text') text: string, @Ctx() ctx: RequestContext): Promise<Note> {
    return ctx.dataSource.getRepository(Note).save({ text });
  }
  @Query(() => Int)
  noteCount(@Ctx() ctx: RequestContext): Promise<number> {
    return ctx.dataSource.getRepository(Note).count();
  }
}

const notes: SubgraphDefinition<Record<string, never>> = {
  name: 'notes',
  defaultPort: 0,
  resolvers: [NoteResolver],
  entities: [Note],
  migrations: [CreateNotes1700000000001],
  createLoaders: () => ({}),
};
const actor = { id: 'a', role: 'CASEWORKER' as const, name: 'A', team: 'T' };

describe('migrations under the advisory lock', () => {
  it('replicas starting together each find the schema migrated once, and none fails', async () => {
    const database = await createTestDatabase('lock');
    const replicas: DataSource[] = [1, 2, 3].map(() =>
      createDataSource({ url: database.url, entities: notes.entities, migrations: notes.migrations }),
    );
    try {
      await Promise.all(replicas.map((r) => openDatabase(r)));
      const ran = await replicas[0].query('SELECT name FROM migrations ORDER BY id');
      expect(ran.map((r: { name: string }) => r.name)).toEqual([
        'CreateNotes1700000000001',
        'KitIdempotencyKeys1795900000000',
        'KitAccessLog1795900000100',
        'KitAccessLogStreams1795900000200',
        'KitAccessLogPrivileges1795900000300',
      ]);
      // The kit's own table matches its entity exactly: nothing left for a schema diff.
      expect((await replicas[0].driver.createSchemaBuilder().log()).upQueries).toEqual([]);
      // The kit's timeouts reach every connection: a stuck statement fails instead of hanging.
      expect(await replicas[0].query('SHOW statement_timeout')).toEqual([{ statement_timeout: '15s' }]);
      await expect(replicas[0].query("SET LOCAL statement_timeout = '100ms'; SELECT pg_sleep(2)")).rejects.toMatchObject({
        driverError: { code: '57014' },
      });
    } finally {
      for (const r of replicas) await r.destroy();
      await database.drop();
    }
  });
});

describe('PostgreSQL restarted under load', () => {
  let parent: string;
  let port: number;
  let server: PostgresProcess;
  let subgraph: RunningSubgraph;
  const start = () => startPostgresProcess(path.join(parent, 'pg'), port);

  beforeAll(async () => {
    parent = mkdtempSync(path.join(tmpdir(), 'jobcenter-fault-'));
    chmodSync(parent, 0o755);
    port = await freePort();
    server = await start();
    await ensureDatabase(server.adminUrl, 'notes');
    subgraph = await startSubgraph(notes, { databaseUrl: withDatabase(server.adminUrl, 'notes'), port: 0 });
  }, 60_000);
  afterAll(async () => {
    await subgraph?.close();
    await server?.stop();
    rmSync(parent, { recursive: true, force: true });
  });

  const ready = async () => (await fetch(subgraph.url.replace('/graphql', '/health/ready'))).status;
  const addNote = async (text: string) =>
    postGraphQL(subgraph.url, 'mutation($t: String!) { addNote(text: $t) { id } }', { t: text }, await gatewayHeadersFor(actor));

  it('fails fast with a clear error, reports not ready, recovers by itself, and loses no acknowledged write', async () => {
    const acknowledged: string[] = [];
    const failures: { code: unknown; ms: number }[] = [];
    let writing = true;
    const writer = async (w: number) => {
      for (let i = 0; writing && i < 2000; i += 1) {
        const began = Date.now();
        const res = await addNote(`w${w}-${i}`).catch(
          (error: Error) => ({ errors: [{ message: error.message, extensions: { code: 'NETWORK' } }] }) as any,
        );
        if (res.data?.addNote?.id) acknowledged.push(res.data.addNote.id);
        else failures.push({ code: res.errors?.[0]?.extensions?.code, ms: Date.now() - began });
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    const writers = [1, 2, 3, 4].map(writer);
    await new Promise((r) => setTimeout(r, 400));
    expect(await ready()).toBe(200);

    await server.stop();
    const downAt = Date.now();
    await new Promise((r) => setTimeout(r, 1200));
    expect(await ready()).toBe(503);
    const during = failures.length;
    expect(during).toBeGreaterThan(0);

    server = await start();
    const upAt = Date.now();
    while ((await ready()) !== 200) {
      expect(Date.now() - upAt).toBeLessThan(15_000);
      await new Promise((r) => setTimeout(r, 100));
    }
    const writesBeforeRecovery = acknowledged.length;
    await new Promise((r) => setTimeout(r, 400));
    writing = false;
    await Promise.all(writers);

    expect(acknowledged.length).toBeGreaterThan(writesBeforeRecovery); // writes succeed again, no restart
    // Every failure was quick and said what happened: no request hung on the dead database.
    for (const f of failures) {
      expect(f.code).toBe('SERVICE_UNAVAILABLE');
      expect(f.ms).toBeLessThan(5_000);
    }
    expect(Date.now() - downAt).toBeLessThan(30_000);
    const stored = await subgraph.dataSource.query('SELECT id FROM note WHERE id = ANY($1::uuid[])', [acknowledged]);
    expect(stored).toHaveLength(acknowledged.length);
  }, 60_000);
});
