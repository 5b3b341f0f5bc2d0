import { Pool } from 'pg';

/**
 * Sessions ended before their time (sign-out). A sealed cookie stays valid until its `exp`
 * unless its session id is listed here, so an entry need only live until that `exp`.
 */
export interface RevocationStore {
  revoke(sessionId: string, expiresAt: Date): Promise<void>;
  isRevoked(sessionId: string): Promise<boolean>;
}

/** One process's list: enough for one gateway (development, tests, a single replica). */
export class MemoryRevocationStore implements RevocationStore {
  private readonly revoked = new Map<string, number>();

  async revoke(sessionId: string, expiresAt: Date): Promise<void> {
    this.prune();
    this.revoked.set(sessionId, expiresAt.getTime());
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    const until = this.revoked.get(sessionId);
    return until !== undefined && until > Date.now();
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, until] of this.revoked) if (until <= now) this.revoked.delete(id);
  }
}

/**
 * Sign-outs shared by every gateway replica through one small PostgreSQL table
 * (SESSION_DATABASE_URL): a sign-out at one replica is refused at all of them from the next
 * request on. Only cookie requests ask (one primary-key look-up); a session known to be revoked
 * is remembered here. Rows go once their cookie would have expired anyway.
 */
export class PostgresRevocationStore implements RevocationStore {
  private readonly pool: Pool;
  private readonly known = new MemoryRevocationStore();

  constructor(databaseUrl: string) {
    this.pool = new Pool({ connectionString: databaseUrl, max: 4 });
  }

  async revoke(sessionId: string, expiresAt: Date): Promise<void> {
    await this.prepare();
    await this.pool.query(
      'INSERT INTO workbench_revoked_session (session_id, expires_at) VALUES ($1, $2) ON CONFLICT (session_id) DO NOTHING',
      [sessionId, expiresAt],
    );
    await this.pool.query('DELETE FROM workbench_revoked_session WHERE expires_at < now()');
    await this.known.revoke(sessionId, expiresAt);
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    if (await this.known.isRevoked(sessionId)) return true;
    await this.prepare();
    const { rows } = await this.pool.query<{ expires_at: Date }>(
      'SELECT expires_at FROM workbench_revoked_session WHERE session_id = $1 AND expires_at > now()',
      [sessionId],
    );
    if (rows.length === 0) return false;
    await this.known.revoke(sessionId, rows[0].expires_at);
    return true;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** The table, made on first use (idempotent; replicas starting together are fine). */
  private readonly prepare = tableOnce(
    () => this.pool,
    `CREATE TABLE IF NOT EXISTS workbench_revoked_session (
       session_id uuid PRIMARY KEY, expires_at timestamptz NOT NULL, revoked_at timestamptz NOT NULL DEFAULT now())`,
  );
}

/**
 * A function that creates a table on its first call and remembers that it did; several replicas
 * starting together are fine (the loser's duplicate error counts as done), a failure is retried.
 */
export function tableOnce(pool: () => Pool, ddl: string): () => Promise<void> {
  let ready: Promise<void> | undefined;
  return () => {
    ready ??= pool()
      .query(ddl)
      .then(
        () => undefined,
        (error: { code?: string }) => {
          // Another replica made it at the same moment.
          if (error.code === '23505' || error.code === '42P07') return;
          ready = undefined;
          throw error;
        },
      );
    return ready;
  };
}
