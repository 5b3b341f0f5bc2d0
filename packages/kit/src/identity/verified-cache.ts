/**
 * Remembers tokens that verified, until they expire: a token string that passed the full check
 * (signature, algorithm, issuer, audience, claims) passes it again until its `exp`, so a repeat
 * costs a map look-up instead of an HMAC and a JSON parse. Refused tokens are never remembered;
 * an expired entry is dropped and the token checked afresh (and refused). Bounded: the least
 * recently used entry goes first. Results are frozen, since every request with the token shares them.
 */
export function cacheVerified<T extends object>(verify: (token: string) => Promise<T>, max = 10_000): (token: string) => Promise<T> {
  const cache = new Map<string, { value: T; expiresAt: number }>();
  return async (token) => {
    const hit = cache.get(token);
    if (hit) {
      cache.delete(token);
      if (hit.expiresAt > Date.now()) {
        cache.set(token, hit);
        return hit.value;
      }
    }
    const value = deepFreeze(await verify(token));
    const expiresAt = expiryOf(token);
    if (expiresAt !== undefined) {
      cache.set(token, { value, expiresAt });
      if (cache.size > max) cache.delete(cache.keys().next().value as string);
    }
    return value;
  };
}

/** `exp` of a JWT that has just verified (so its payload is well-formed JSON), in ms. */
function expiryOf(token: string): number | undefined {
  try {
    const exp = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
