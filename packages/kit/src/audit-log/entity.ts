import { Column, Entity, Index, MigrationInterface, PrimaryGeneratedColumn, QueryRunner, Unique } from 'typeorm';
import { KitAccessLogPrivileges1795900000300, KitAccessLogStreams1795900000200 } from './migrations';

/**
 * One look-up or change of a citizen's personal data ("who has looked at my data"), kept in the
 * database of the subgraph that served it. Append-only: no API changes or deletes entries; the
 * table belongs to a role the service cannot log in as, the service's role may only SELECT and
 * INSERT, retention deletes through one SECURITY DEFINER function, and a trigger refuses UPDATE,
 * DELETE and TRUNCATE besides (access-log.migrations.ts). Each entry carries the SHA-256 of its
 * content and of the previous entry of its stream, so a changed, removed or inserted row breaks
 * the chain (`npm run verify:access-log`; streams: access-log.chain.ts).
 */
@Entity({ name: 'kit_access_log' })
@Unique('uq_kit_access_log_stream', ['streamId', 'streamPos'])
@Index('ix_kit_access_log_citizen', ['citizenId', 'seq'])
@Index('ix_kit_access_log_at', ['at'])
export class AccessLogEntry {
  /** Insertion order (the chains follow stream_pos). */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'pk_kit_access_log' })
  seq!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'varchar', length: 80 })
  actorId!: string;

  @Column({ type: 'varchar', length: 32 })
  actorRole!: string;

  @Column({ type: 'uuid' })
  citizenId!: string;

  /** The subgraph: citizens, plans, meetings, placements. */
  @Column({ type: 'varchar', length: 32 })
  domain!: string;

  /** Kind of data, e.g. "Plan", "Meeting", "Citizen" (the GraphQL types read or changed). */
  @Column({ type: 'varchar', length: 200 })
  kind!: string;

  /** READ, SEARCH or CHANGE. */
  @Column({ type: 'varchar', length: 16 })
  operation!: string;

  /** CASE_WORK, OWN_ACCESS or EMERGENCY. */
  @Column({ type: 'varchar', length: 16 })
  purpose!: string;

  /** The stated reason of an emergency access. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  operationName!: string | null;

  @Column({ type: 'varchar', length: 80 })
  requestId!: string;

  /** The CPR number searched for, on a CPR look-up: encrypted (field cipher, context access_log.searched_cpr). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  searchedCpr!: string | null;

  /** The chain this entry belongs to: `p:<uuid>` (one process's reads) or `c:<citizen id>` (a citizen's changes). */
  @Column({ type: 'varchar', length: 64 })
  streamId!: string;

  /** 1, 2, 3, … within the stream; unique with it, so a chain cannot fork. */
  @Column({ type: 'bigint' })
  streamPos!: string;

  @Column({ type: 'char', length: 64 })
  prevHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;
}

export class KitAccessLog1795900000100 implements MigrationInterface {
  name = 'KitAccessLog1795900000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "kit_access_log" ("seq" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" character varying(80) NOT NULL, "actor_role" character varying(32) NOT NULL, "citizen_id" uuid NOT NULL, "domain" character varying(32) NOT NULL, "kind" character varying(200) NOT NULL, "operation" character varying(16) NOT NULL, "purpose" character varying(16) NOT NULL, "reason" character varying(500), "operation_name" character varying(200), "request_id" character varying(80) NOT NULL, "searched_cpr" character varying(16), "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "pk_kit_access_log" PRIMARY KEY ("seq"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_kit_access_log_citizen" ON "kit_access_log" ("citizen_id", "seq") `);
    await queryRunner.query(`CREATE INDEX "ix_kit_access_log_at" ON "kit_access_log" ("at") `);
    // Append-only in the database too: UPDATE is always refused; DELETE only by the retention
    // purge, which sets jobcenter.access_log_purge in its own transaction (see access-log.ts).
    await queryRunner.query(`CREATE FUNCTION kit_access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND current_setting('jobcenter.access_log_purge', true) = 'on' THEN RETURN OLD; END IF;
        RAISE EXCEPTION 'kit_access_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER kit_access_log_append_only BEFORE UPDATE OR DELETE ON "kit_access_log" FOR EACH ROW EXECUTE FUNCTION kit_access_log_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER kit_access_log_no_truncate BEFORE TRUNCATE ON "kit_access_log" FOR EACH STATEMENT EXECUTE FUNCTION kit_access_log_append_only()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "kit_access_log"`);
    await queryRunner.query(`DROP FUNCTION kit_access_log_append_only()`);
  }
}

export const ACCESS_LOG_ENTITIES: Function[] = [AccessLogEntry];
export const ACCESS_LOG_MIGRATIONS: Function[] = [
  KitAccessLog1795900000100,
  KitAccessLogStreams1795900000200,
  KitAccessLogPrivileges1795900000300,
];
