import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AccessLogRow, accessLogHash, isEncryptedField, storedSearchedCpr } from './chain';
import { setting } from '../config';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Streams instead of one chain per citizen (access-log.chain.ts). Existing entries become the
 * streams `c:<citizen id>`, positioned in their old order (seq per citizen), so their hashes,
 * which never covered stream or position, still verify. Searched CPR numbers stored in plain
 * are encrypted; where that changes an entry, the rest of its stream is re-hashed, but only if
 * the stream verified before (a broken one keeps its old hashes, so the break stays visible).
 * The append-only trigger is off for this, inside this migration's transaction only.
 */
export class KitAccessLogStreams1795900000200 implements MigrationInterface {
  name = 'KitAccessLogStreams1795900000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "kit_access_log" ADD "stream_id" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "kit_access_log" ADD "stream_pos" bigint`);
    await queryRunner.query(`ALTER TABLE "kit_access_log" ALTER COLUMN "searched_cpr" TYPE character varying(200)`);
    await queryRunner.query(`ALTER TABLE "kit_access_log" DISABLE TRIGGER "kit_access_log_append_only"`);
    await queryRunner.query(
      `UPDATE "kit_access_log" l SET stream_id = 'c:' || l.citizen_id, stream_pos = s.n
         FROM (SELECT seq, row_number() OVER (PARTITION BY citizen_id ORDER BY seq) AS n FROM "kit_access_log") s
        WHERE s.seq = l.seq`,
    );
    await encryptPlainSearches(queryRunner);
    await queryRunner.query(`ALTER TABLE "kit_access_log" ENABLE TRIGGER "kit_access_log_append_only"`);
    await queryRunner.query(`ALTER TABLE "kit_access_log" ALTER COLUMN "stream_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "kit_access_log" ALTER COLUMN "stream_pos" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "kit_access_log" ADD CONSTRAINT "uq_kit_access_log_stream" UNIQUE ("stream_id", "stream_pos")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "kit_access_log" DROP CONSTRAINT "uq_kit_access_log_stream"`);
    await queryRunner.query(`ALTER TABLE "kit_access_log" DROP COLUMN "stream_pos"`);
    await queryRunner.query(`ALTER TABLE "kit_access_log" DROP COLUMN "stream_id"`);
  }
}

async function encryptPlainSearches(queryRunner: QueryRunner): Promise<void> {
  const streams: { stream_id: string }[] = await queryRunner.query(
    `SELECT DISTINCT stream_id FROM "kit_access_log" WHERE searched_cpr IS NOT NULL AND searched_cpr NOT LIKE 'v1.%'`,
  );
  for (const { stream_id: streamId } of streams) {
    const rows: Record<string, any>[] = await queryRunner.query(
      `SELECT seq::text, at, actor_id, actor_role, citizen_id, domain, kind, operation, purpose, reason, operation_name, request_id, searched_cpr, prev_hash, hash
         FROM "kit_access_log" WHERE stream_id = $1 ORDER BY stream_pos`,
      [streamId],
    );
    const rowOf = (r: Record<string, any>, searchedCpr: string | null): AccessLogRow => ({
      at: r.at,
      actorId: r.actor_id,
      actorRole: r.actor_role,
      citizenId: r.citizen_id,
      domain: r.domain,
      kind: r.kind,
      operation: r.operation,
      purpose: r.purpose,
      reason: r.reason,
      operationName: r.operation_name,
      requestId: r.request_id,
      searchedCpr,
    });
    const intact = rows.every(
      (r, i) => (i === 0 || r.prev_hash === rows[i - 1].hash) && accessLogHash(r.prev_hash, rowOf(r, r.searched_cpr)) === r.hash,
    );
    let prevHash: string = rows[0].prev_hash;
    for (const r of rows) {
      const searchedCpr = r.searched_cpr && !isEncryptedField(r.searched_cpr) ? storedSearchedCpr(r.searched_cpr) : r.searched_cpr;
      const hash = intact ? accessLogHash(prevHash, rowOf(r, searchedCpr)) : r.hash;
      if (searchedCpr !== r.searched_cpr || hash !== r.hash) {
        await queryRunner.query(`UPDATE "kit_access_log" SET searched_cpr = $2, prev_hash = $3, hash = $4 WHERE seq = $1`, [
          r.seq,
          searchedCpr,
          intact ? prevHash : r.prev_hash,
          hash,
        ]);
      }
      prevHash = hash;
    }
  }
}

/**
 * The role that owns the log, which the service's role is not and cannot log in as:
 * ACCESS_LOG_OWNER_ROLE if set (a role a DBA made), else `<database>_access_log` (role names
 * are per server, databases share a server, so one per database).
 */
async function ownerRoleName(queryRunner: QueryRunner): Promise<string> {
  const configured = setting('ACCESS_LOG_OWNER_ROLE');
  if (configured) return configured;
  const [{ db }] = await queryRunner.query('SELECT current_database() AS db');
  return `${String(db).slice(0, 48)}_access_log`;
}

/**
 * The service's role gets no UPDATE, DELETE or TRUNCATE on kit_access_log by privilege, not
 * only by trigger (a trigger the table's owner may drop). The table, its trigger function and
 * the retention function go to a NOLOGIN owner role; the service's role (the one migrating,
 * which is the one serving) keeps SELECT and INSERT, and may delete only by calling
 * `kit_access_log_purge(days)`: SECURITY DEFINER, as the owner, entries older than
 * max(days, 183) by the database's clock, the leading ones of each stream only.
 *
 * What the migrating role needs (else the log stays owned by it, guarded by the trigger alone,
 * and a warning says so):
 * - superuser (the embedded development server, tests): it creates the owner role;
 * - CREATEROLE (managed servers: RDS, Cloud SQL, Azure give the admin user this): it creates
 *   the owner role and, on PostgreSQL 16+, holds ADMIN OPTION on it, nothing more;
 * - or a DBA-made role (ACCESS_LOG_OWNER_ROLE) granted to it `WITH ADMIN TRUE, INHERIT FALSE,
 *   SET FALSE`, plus CREATE on the schema for the owner role or ownership of the schema.
 * To hand the table over it grants itself SET on the owner role for this transaction and
 * revokes that again. Its ADMIN OPTION stays: a holder of the service's credentials could grant
 * itself the owner role back on purpose (two statements, visible in the server's log), which a
 * role without it could not; docs/security-and-access-log.md says how to separate the migrating role for that. Later
 * kit migrations that alter this table take the owner role the same way.
 */
export class KitAccessLogPrivileges1795900000300 implements MigrationInterface {
  name = 'KitAccessLogPrivileges1795900000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const [{ schema, me }] = await queryRunner.query('SELECT current_schema() AS schema, current_user AS me');
    const table = `${ident(schema)}."kit_access_log"`;
    await queryRunner.query(`CREATE FUNCTION kit_access_log_purge(retention_days integer) RETURNS bigint
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      DECLARE
        cutoff timestamptz := now() - make_interval(days => greatest(183, coalesce(retention_days, 730)));
        deleted bigint;
      BEGIN
        PERFORM set_config('jobcenter.access_log_purge', 'on', true);
        -- Only the leading old entries of a stream: an old entry behind a newer one waits, so no
        -- chain ever gets a gap in the middle.
        WITH first_kept AS (
          SELECT o.stream_id,
                 (SELECT k.stream_pos FROM ${table} k WHERE k.stream_id = o.stream_id AND k.at >= cutoff ORDER BY k.stream_pos LIMIT 1) AS pos
            FROM (SELECT DISTINCT stream_id FROM ${table} WHERE at < cutoff) o
        )
        DELETE FROM ${table} l USING first_kept f
         WHERE l.stream_id = f.stream_id AND l.at < cutoff AND (f.pos IS NULL OR l.stream_pos < f.pos);
        GET DIAGNOSTICS deleted = ROW_COUNT;
        PERFORM set_config('jobcenter.access_log_purge', 'off', true);
        RETURN deleted;
      END $$`);
    await queryRunner.query('REVOKE ALL ON FUNCTION kit_access_log_purge(integer) FROM PUBLIC');

    const owner = await ownerRoleName(queryRunner);
    const [self] = await queryRunner.query(
      `SELECT r.rolsuper AS superuser, r.rolcreaterole AS createrole, current_setting('server_version_num')::int AS version,
              EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS owner_exists
         FROM pg_roles r WHERE r.rolname = current_user`,
      [owner],
    );
    const keepOwnership = async (why: string) => {
      await queryRunner.query(`GRANT EXECUTE ON FUNCTION kit_access_log_purge(integer) TO ${ident(me)}`);
      queryRunner.connection.logger.log(
        'warn',
        `kit_access_log stays owned by ${me}: ${why}. Only its trigger refuses UPDATE, DELETE and TRUNCATE; see docs/security-and-access-log.md (privileges).`,
      );
    };
    if (!self.owner_exists) {
      if (!self.superuser && !self.createrole) return keepOwnership(`role ${owner} does not exist and ${me} may not create roles`);
      await queryRunner.query(`CREATE ROLE ${ident(owner)} NOLOGIN`);
    }
    const [admin] = await queryRunner.query(
      `SELECT pg_has_role(current_user, $1, 'MEMBER WITH ADMIN OPTION') AS ok, pg_has_role(current_user, $1, 'SET') AS can_set`,
      [owner],
    );
    if (!self.superuser && !admin.ok) return keepOwnership(`${me} holds no ADMIN OPTION on role ${owner}`);
    const temporary = !self.superuser && !admin.can_set;
    if (temporary) {
      await queryRunner.query(`GRANT ${ident(owner)} TO ${ident(me)} ${self.version >= 160000 ? 'WITH INHERIT FALSE, SET TRUE' : ''}`);
    }
    const [schemaRights] = await queryRunner.query(
      `SELECT has_schema_privilege($1, $2, 'CREATE') AS had, pg_has_role(current_user, n.nspowner, 'USAGE') OR $3 AS mine
         FROM pg_namespace n WHERE n.nspname = $2`,
      [owner, schema, self.superuser],
    );
    if (!schemaRights.had && !schemaRights.mine) {
      if (temporary) await queryRunner.query(`REVOKE ${ident(owner)} FROM ${ident(me)}`);
      return keepOwnership(`role ${owner} has no CREATE on schema ${schema}, which ${me} cannot grant`);
    }
    // ALTER ... OWNER TO wants the new owner to hold CREATE on the schema; only for the hand-over.
    if (!schemaRights.had) await queryRunner.query(`GRANT CREATE ON SCHEMA ${ident(schema)} TO ${ident(owner)}`);
    await queryRunner.query(`ALTER TABLE ${table} OWNER TO ${ident(owner)}`);
    await queryRunner.query(`ALTER FUNCTION kit_access_log_append_only() OWNER TO ${ident(owner)}`);
    await queryRunner.query(`ALTER FUNCTION kit_access_log_purge(integer) OWNER TO ${ident(owner)}`);
    await queryRunner.query(`SET LOCAL ROLE ${ident(owner)}`);
    try {
      await queryRunner.query(`REVOKE ALL ON ${table} FROM PUBLIC`);
      await queryRunner.query(`GRANT SELECT, INSERT ON ${table} TO ${ident(me)}`);
      await queryRunner.query(`GRANT EXECUTE ON FUNCTION kit_access_log_purge(integer) TO ${ident(me)}`);
    } finally {
      await queryRunner.query('RESET ROLE');
    }
    if (!schemaRights.had) await queryRunner.query(`REVOKE CREATE ON SCHEMA ${ident(schema)} FROM ${ident(owner)}`);
    if (temporary) await queryRunner.query(`REVOKE ${ident(owner)} FROM ${ident(me)}`);
    if (!self.superuser && admin.can_set) {
      queryRunner.connection.logger.log(
        'warn',
        `${me} is a member of ${owner} (may SET ROLE to it): it can still change kit_access_log. Grant it only WITH ADMIN TRUE, SET FALSE.`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const [{ me, owner, superuser }] = await queryRunner.query(
      `SELECT current_user AS me, pg_get_userbyid(c.relowner) AS owner, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser
         FROM pg_class c WHERE c.oid = 'kit_access_log'::regclass`,
    );
    if (owner !== me) {
      if (!superuser) await queryRunner.query(`GRANT ${ident(owner)} TO ${ident(me)} WITH INHERIT FALSE, SET TRUE`);
      await queryRunner.query(`ALTER TABLE "kit_access_log" OWNER TO ${ident(me)}`);
      await queryRunner.query(`ALTER FUNCTION kit_access_log_append_only() OWNER TO ${ident(me)}`);
      if (!superuser) await queryRunner.query(`REVOKE ${ident(owner)} FROM ${ident(me)}`);
    }
    await queryRunner.query('DROP FUNCTION kit_access_log_purge(integer)');
  }
}
