import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `networkMeetingsOverdue` as of today without a pass over every active citizen's meetings:
 * each citizen's row in `insights_stat_citizen` (current status) also holds the enrolment date
 * (from citizens' events, like `insights_citizen`) and the time of the last held network meeting
 * (kept by a statement trigger on `insights_meeting`, in the transaction that changes it), and
 * `network_since` is the later of the two as the overdue rule reads it: the last held meeting,
 * else the enrolment's Copenhagen midnight. Overdue today = ACTIVE with `network_since` more than
 * 3 months back: an index range (statistics.queries.ts). Periods ending before today still read
 * the citizens' state periods (the status then).
 */
export class NetworkMeetingDue1797000000603 implements MigrationInterface {
  name = 'NetworkMeetingDue1797000000603';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "insights_stat_citizen" ADD "enrolled_at" date, ADD "last_network" timestamptz`);
    await q.query(`ALTER TABLE "insights_stat_citizen" ADD "network_since" timestamptz
      GENERATED ALWAYS AS (COALESCE("last_network", ("enrolled_at"::timestamp AT TIME ZONE 'Europe/Copenhagen'))) STORED`);
    await q.query(`CREATE INDEX "ix_insights_stat_citizen_network" ON "insights_stat_citizen" ("network_since") INCLUDE ("record_key")
      WHERE "status" = 'ACTIVE'`);
    // The citizens whose network meetings the statement touched get their last held one again.
    const refresh = (pids: string) => `
      UPDATE insights_stat_citizen c SET last_network = last.at
        FROM (SELECT t.pid, (SELECT MAX(m.scheduled_at) FROM insights_meeting m
                              WHERE m.pid = t.pid AND m.kind = 'NETWORK_MEETING' AND m.status = 'HELD') AS at
                FROM (${pids}) t) last
       WHERE c.pid = last.pid AND c.last_network IS DISTINCT FROM last.at;`;
    const touched = (rows: string) => `SELECT pid FROM ${rows} WHERE kind = 'NETWORK_MEETING'`;
    await q.query(`CREATE FUNCTION "insights_stat_network_roll"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN ${refresh(touched('new_rows'))}
        ELSIF TG_OP = 'DELETE' THEN ${refresh(touched('old_rows'))}
        ELSE ${refresh(`${touched('new_rows')} UNION ${touched('old_rows')}`)}
        END IF;
        RETURN NULL;
      END $$`);
    for (const [op, transition] of [
      ['insert', 'REFERENCING NEW TABLE AS new_rows'],
      ['update', 'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows'],
      ['delete', 'REFERENCING OLD TABLE AS old_rows'],
    ]) {
      await q.query(
        `CREATE TRIGGER "insights_meeting_network_${op}" AFTER ${op.toUpperCase()} ON "insights_meeting" ${transition} FOR EACH STATEMENT EXECUTE FUNCTION "insights_stat_network_roll"()`,
      );
    }
    // The citizens and meetings already read.
    await q.query(
      `UPDATE "insights_stat_citizen" c SET "enrolled_at" = ic."enrolled_at" FROM "insights_citizen" ic WHERE ic."pid" = c."pid"`,
    );
    await q.query(`UPDATE "insights_stat_citizen" c SET "last_network" = l.at
      FROM (SELECT pid, MAX(scheduled_at) AS at FROM "insights_meeting" WHERE kind = 'NETWORK_MEETING' AND status = 'HELD' GROUP BY pid) l
      WHERE l.pid = c.pid`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER "insights_meeting_network_${op}" ON "insights_meeting"`);
    await q.query(`DROP FUNCTION "insights_stat_network_roll"()`);
    await q.query(`DROP INDEX "ix_insights_stat_citizen_network"`);
    await q.query(`ALTER TABLE "insights_stat_citizen" DROP COLUMN "network_since", DROP COLUMN "last_network", DROP COLUMN "enrolled_at"`);
  }
}
