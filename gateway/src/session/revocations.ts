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
