import { EncryptJWT, jwtDecrypt } from 'jose';
import { Pool } from 'pg';
import { tableOnce } from './revocations';

/**
 * What the workbench keeps of a provider sign-in, on the server only (the browser holds the
 * session cookie and nothing else): the refresh token, and when the provider's ID/access token
 * runs out, so the session is refreshed before then (provider-sign-in.ts).
 */
export interface ProviderTokens {
  kind: 'staff' | 'citizen';
  refreshToken?: string;
  /** Epoch ms: when the earlier of the ID and access token expires. */
  expiresAt: number;
  /** Epoch ms: when these tokens were issued (the refresh margin is a share of their lifetime). */
  issuedAt: number;
}

/** Provider tokens by workbench session id, kept until the session would end anyway. */
export interface ProviderTokenStore {
  put(sessionId: string, tokens: ProviderTokens, until: Date): Promise<void>;
  get(sessionId: string): Promise<ProviderTokens | undefined>;
  delete(sessionId: string): Promise<void>;
  close?(): Promise<void>;
}

/** One process's tokens: development, tests, a single gateway replica (a restart ends provider sessions). */
export class MemoryProviderTokenStore implements ProviderTokenStore {
  private readonly entries = new Map<string, { tokens: ProviderTokens; until: number }>();

  async put(sessionId: string, tokens: ProviderTokens, until: Date): Promise<void> {
    const now = Date.now();
    for (const [id, entry] of this.entries) if (entry.until <= now) this.entries.delete(id);
    this.entries.set(sessionId, { tokens: { ...tokens }, until: until.getTime() });
  }

  async get(sessionId: string): Promise<ProviderTokens | undefined> {
    const entry = this.entries.get(sessionId);
    return entry && entry.until > Date.now() ? { ...entry.tokens } : undefined;
  }

  async delete(sessionId: string): Promise<void> {
    this.entries.delete(sessionId);
  }
}

/**
 * Provider tokens shared by every gateway replica (SESSION_DATABASE_URL), sealed (JWE A256GCM,
 * the session secret's key) so the database holds no usable refresh token on its own.
 */
export class PostgresProviderTokenStore implements ProviderTokenStore {
  private readonly pool: Pool;

  constructor(
    databaseUrl: string,
    private readonly key: Uint8Array,
  ) {
    this.pool = new Pool({ connectionString: databaseUrl, max: 2 });
  }

  async put(sessionId: string, tokens: ProviderTokens, until: Date): Promise<void> {
    await this.prepare();
    const sealed = await new EncryptJWT({ ...tokens }).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(this.key);
    await this.pool.query(
      `INSERT INTO workbench_provider_tokens (session_id, sealed, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (session_id) DO UPDATE SET sealed = EXCLUDED.sealed, expires_at = EXCLUDED.expires_at`,
      [sessionId, sealed, until],
    );
    await this.pool.query('DELETE FROM workbench_provider_tokens WHERE expires_at < now()');
  }

  async get(sessionId: string): Promise<ProviderTokens | undefined> {
    await this.prepare();
    const { rows } = await this.pool.query<{ sealed: string }>(
      'SELECT sealed FROM workbench_provider_tokens WHERE session_id = $1 AND expires_at > now()',
      [sessionId],
    );
    if (rows.length === 0) return undefined;
    const { payload } = await jwtDecrypt(rows[0].sealed, this.key);
    return payload as unknown as ProviderTokens;
  }

  async delete(sessionId: string): Promise<void> {
    await this.prepare();
    await this.pool.query('DELETE FROM workbench_provider_tokens WHERE session_id = $1', [sessionId]);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private readonly prepare = tableOnce(
    () => this.pool,
    `CREATE TABLE IF NOT EXISTS workbench_provider_tokens (
       session_id uuid PRIMARY KEY, sealed text NOT NULL, expires_at timestamptz NOT NULL)`,
  );
}
