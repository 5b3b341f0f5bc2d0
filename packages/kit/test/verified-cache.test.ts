import { cacheVerified, signGatewayAssertion, signUserToken, verifyGatewayAssertion, verifyUserToken } from '../src/identity';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const OTHER = 'another-secret-that-is-long-enough-0123456789';
const inger = { id: 'staff-1', role: 'CASEWORKER' as const, name: 'Inger Holm', team: 'Team Ryslinge' };

/** The real verifier, counting how often it runs. */
function counted<T>(verify: (token: string) => Promise<T>) {
  const calls = { count: 0 };
  return { calls, verify: (token: string) => (calls.count++, verify(token)) };
}

describe('cacheVerified', () => {
  it('checks a token once and answers repeats from memory, with the same frozen actor', async () => {
    const { calls, verify } = counted((t) => verifyUserToken(t, SECRET));
    const cached = cacheVerified(verify);
    const token = await signUserToken(inger, SECRET);
    const first = await cached(token);
    const again = await cached(token);
    expect(first).toEqual(inger);
    expect(again).toBe(first);
    expect(calls.count).toBe(1);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('never remembers a refused token: it is refused every time', async () => {
    const { calls, verify } = counted((t) => verifyUserToken(t, SECRET));
    const cached = cacheVerified(verify);
    const forged = await signUserToken(inger, OTHER);
    await expect(cached(forged)).rejects.toThrow(/signature/);
    await expect(cached(forged)).rejects.toThrow(/signature/);
    expect(calls.count).toBe(2);
  });

  it('checks a remembered token afresh once it has expired, and refuses it', async () => {
    const { calls, verify } = counted((t) => verifyUserToken(t, SECRET));
    const cached = cacheVerified(verify);
    const token = await signUserToken(inger, SECRET, Math.floor(Date.now() / 1000) + 2);
    await cached(token);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await expect(cached(token)).rejects.toThrow(/expired/);
    expect(calls.count).toBe(2);
  });

  it('keeps at most `max` tokens, dropping the least recently used', async () => {
    const { calls, verify } = counted((t) => verifyGatewayAssertion(t, SECRET));
    const cached = cacheVerified(verify, 2);
    const [a, b, c] = await Promise.all(['r1', 'r2', 'r3'].map((rid) => signGatewayAssertion(inger, rid, SECRET)));
    await cached(a);
    await cached(b);
    await cached(a); // a is now the most recent
    await cached(c); // drops b
    expect(calls.count).toBe(3);
    await cached(a);
    expect(calls.count).toBe(3);
    expect((await cached(b)).requestId).toBe('r2');
    expect(calls.count).toBe(4);
  });
});
