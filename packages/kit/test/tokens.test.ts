import { SignJWT } from 'jose';
import {
  DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
  maxTokenLifetimeSeconds,
  signGatewayAssertion,
  signServiceAssertion,
  signUserToken,
  verifyGatewayAssertion,
  verifyUserToken,
} from '../src/identity';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const OTHER = 'another-secret-that-is-long-enough-0123456789';
const inger = { id: 'staff-1', role: 'CASEWORKER' as const, name: 'Inger Holm', team: 'Team Ryslinge' };
const key = (s: string) => new TextEncoder().encode(s);

describe('user tokens', () => {
  it('verifies a valid staff token into an actor', async () => {
    expect(await verifyUserToken(await signUserToken(inger, SECRET), SECRET)).toEqual(inger);
  });

  it('verifies a citizen token without a team', async () => {
    const svend = { id: 'citizen-1', role: 'CITIZEN' as const, name: 'Svend Madsen' };
    expect(await verifyUserToken(await signUserToken(svend, SECRET), SECRET)).toEqual(svend);
  });

  it('refuses an expired token', async () => {
    const token = await signUserToken(inger, SECRET, Math.floor(Date.now() / 1000) - 60);
    await expect(verifyUserToken(token, SECRET)).rejects.toThrow(/expired/);
  });

  it('refuses a token signed with another secret', async () => {
    await expect(verifyUserToken(await signUserToken(inger, OTHER), SECRET)).rejects.toThrow(/signature/);
  });

  it('refuses a token without exp', async () => {
    const token = await new SignJWT({ role: 'CASEWORKER', name: 'X', team: 'T' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('s')
      .sign(key(SECRET));
    await expect(verifyUserToken(token, SECRET)).rejects.toThrow(/"exp"/);
  });

  it('refuses an unknown role and a staff token without team', async () => {
    const bad = await new SignJWT({ role: 'ADMIN', name: 'X', team: 'T' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('s')
      .setExpirationTime('1h')
      .sign(key(SECRET));
    await expect(verifyUserToken(bad, SECRET)).rejects.toThrow(/role/);
    const noTeam = await new SignJWT({ role: 'CASEWORKER', name: 'X' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('s')
      .setExpirationTime('1h')
      .sign(key(SECRET));
    await expect(verifyUserToken(noTeam, SECRET)).rejects.toThrow(/team/);
  });

  it('refuses an unsigned (alg none) and a malformed token', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ sub: 's', role: 'CASEWORKER', name: 'X', team: 'T', exp: 9999999999 })).toString('base64url');
    await expect(verifyUserToken(`${header}.${body}.`, SECRET)).rejects.toThrow();
    await expect(verifyUserToken('not.a.token', SECRET)).rejects.toThrow(/malformed/);
  });
});

describe('token lifetime', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const claims = { role: 'CASEWORKER', name: 'Inger Holm', team: 'Team Ryslinge' };
  const sign = (iat: number | undefined, exp: number) => {
    const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('staff-1').setExpirationTime(exp);
    return (iat === undefined ? jwt : jwt.setIssuedAt(iat)).sign(key(SECRET));
  };
  const YEAR = 365 * 24 * 3600;

  it('refuses a 100-year token, with a message that names no lifetime', async () => {
    const error = await verifyUserToken(await signUserToken(inger, SECRET, '100y'), SECRET).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('The token is valid for longer than allowed; sign in again.');
    expect((error as Error).message).not.toMatch(/\d/);
  });

  it('refuses a long token however it dates itself: no iat, or an iat in the future', async () => {
    await expect(verifyUserToken(await sign(undefined, now() + YEAR), SECRET)).rejects.toThrow(/longer than allowed/);
    await expect(verifyUserToken(await sign(now() + YEAR - 3600, now() + YEAR), SECRET)).rejects.toThrow(/longer than allowed/);
    // Issued long ago with a long life, still unexpired: its lifetime counts, not what is left of it.
    await expect(verifyUserToken(await sign(now() - 30 * 24 * 3600, now() + 3600), SECRET)).rejects.toThrow(/longer than allowed/);
  });

  it('takes a working day (12 h) and refuses a second more; a token without exp stays refused', async () => {
    const iat = now();
    expect(await verifyUserToken(await sign(iat, iat + DEFAULT_MAX_TOKEN_LIFETIME_SECONDS), SECRET)).toEqual(inger);
    await expect(verifyUserToken(await sign(iat, iat + DEFAULT_MAX_TOKEN_LIFETIME_SECONDS + 1), SECRET)).rejects.toThrow(
      /longer than allowed/,
    );
    expect(await verifyUserToken(await signUserToken(inger, SECRET, '12h'), SECRET)).toEqual(inger);
    const noExp = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('staff-1').setIssuedAt().sign(key(SECRET));
    await expect(verifyUserToken(noExp, SECRET)).rejects.toThrow(/"exp"/);
  });

  it('reads the maximum from AUTH_MAX_TOKEN_LIFETIME_SECONDS (12 h by default) and refuses a bad value', async () => {
    expect(maxTokenLifetimeSeconds({})).toBe(12 * 3600);
    expect(maxTokenLifetimeSeconds({ AUTH_MAX_TOKEN_LIFETIME_SECONDS: '3600' })).toBe(3600);
    for (const bad of ['0', '-5', '12h', '1.5', 'abc']) {
      expect(() => maxTokenLifetimeSeconds({ AUTH_MAX_TOKEN_LIFETIME_SECONDS: bad })).toThrow(/AUTH_MAX_TOKEN_LIFETIME_SECONDS/);
    }
    const twoHours = await signUserToken(inger, SECRET, '2h');
    await expect(verifyUserToken(twoHours, SECRET, 3600)).rejects.toThrow(/longer than allowed/);
    expect(await verifyUserToken(twoHours, SECRET, 3 * 3600)).toEqual(inger);
  });
});

describe('gateway assertions', () => {
  it('round-trips the actor and the request id', async () => {
    const token = await signGatewayAssertion(inger, 'req-123', SECRET);
    expect(await verifyGatewayAssertion(token, SECRET)).toEqual({ actor: inger, requestId: 'req-123' });
  });

  it("does not take a user's token, even one signed with the same secret, as an assertion", async () => {
    await expect(verifyGatewayAssertion(await signUserToken(inger, SECRET), SECRET)).rejects.toThrow();
  });
});

describe('service assertions', () => {
  it('carry the calling service as a SERVICE actor', async () => {
    const token = await signServiceAssertion('placements', 'req-9', SECRET);
    expect(await verifyGatewayAssertion(token, SECRET)).toEqual({
      actor: { id: 'service:placements', role: 'SERVICE', name: 'placements' },
      requestId: 'req-9',
    });
  });

  it('cannot be claimed in a user token', async () => {
    const token = await new SignJWT({ role: 'SERVICE', name: 'placements' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setExpirationTime('1h')
      .sign(key(SECRET));
    await expect(verifyUserToken(token, SECRET)).rejects.toThrow(/role/);
  });
});
