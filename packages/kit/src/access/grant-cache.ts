import { setting } from '../config';
import type { AccessGrant } from './policy';
import type { GrantSource } from './grants';

/** Upper bound of the grant cache: an ended assignment stops giving access within this time. */
export const MAX_GRANT_TTL_MS = 60_000;
/** Upper bound of the grant cache's size: about 2 MB of ids and grants per process. */
export const MAX_CACHED_CITIZENS = 10_000;

/** The cache's time to live: ACCESS_GRANT_TTL_MS, at most 60 s (default 30 s). */
export function grantTtlMs(): number {
  return Math.min(setting('ACCESS_GRANT_TTL_MS'), MAX_GRANT_TTL_MS);
}

/**
 * A short-lived cache of citizens' grants in front of a source (the citizens subgraph). It holds
 * no personal data (citizen id, staff id, team), only for `grantTtlMs()`, so access ends at most
 * that long after an assignment ends. A refusal is always re-checked at the source before it is
 * given, so a new assignment gives access at once; only an allowance may come from the cache.
 */
export class GrantCache {
  private readonly entries = new Map<string, { grants: AccessGrant[]; expires: number }>();

  constructor(
    private readonly source: GrantSource,
    private readonly ttlMs: () => number = grantTtlMs,
  ) {}

  /** Grants per citizen id, from the cache where fresh, else from the source in one call. */
  async grantsFor(citizenIds: readonly string[], options: { fresh?: boolean } = {}): Promise<Map<string, AccessGrant[]>> {
    const now = Date.now();
    const result = new Map<string, AccessGrant[]>();
    const missing: string[] = [];
    for (const id of new Set(citizenIds)) {
      const entry = this.entries.get(id);
      if (!options.fresh && entry && entry.expires > now) result.set(id, entry.grants);
      else missing.push(id);
    }
    if (missing.length > 0) {
      const loaded = await this.source(missing);
      const expires = Date.now() + this.ttlMs();
      for (const id of missing) {
        const grants = loaded.filter((g) => g.citizenId === id);
        result.set(id, grants);
        // Deleted first, so the map's order stays oldest-loaded first (the order prune() drops in).
        this.entries.delete(id);
        this.entries.set(id, { grants, expires });
      }
      this.prune(now);
    }
    return result;
  }

  /** Citizens held now; never more than MAX_CACHED_CITIZENS. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * Expired entries go; if the ids asked within the time to live are still too many (they are
   * the callers' choice: any id, existing or not, gets an entry), the oldest go too.
   */
  private prune(now: number): void {
    if (this.entries.size <= MAX_CACHED_CITIZENS) return;
    for (const [id, entry] of this.entries) if (entry.expires <= now) this.entries.delete(id);
    for (const id of this.entries.keys()) {
      if (this.entries.size <= MAX_CACHED_CITIZENS) break;
      this.entries.delete(id);
    }
  }
}
