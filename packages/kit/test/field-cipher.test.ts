import { createFieldCipher, fieldCipherKeysFromEnv } from '../src/crypto';

const key = (fill: number) => Buffer.alloc(32, fill);
const cipher = (active = 'k1') =>
  createFieldCipher({
    keys: new Map([
      ['k1', key(1)],
      ['k2', key(2)],
    ]),
    activeKeyId: active,
    indexKey: Buffer.alloc(32, 9),
  });

describe('field cipher (CPR at rest)', () => {
  it('round-trips, with a fresh IV each time and the key id in the stored text', () => {
    const c = cipher();
    const a = c.encrypt('0101901234', 'citizen.cpr');
    const b = c.encrypt('0101901234', 'citizen.cpr');
    expect(a).not.toEqual(b);
    expect(a).not.toContain('0101901234');
    expect(c.keyIdOf(a)).toBe('k1');
    expect(c.decrypt(a, 'citizen.cpr')).toBe('0101901234');
  });

  it('refuses a changed value, another context, and an unknown key', () => {
    const c = cipher();
    const stored = c.encrypt('0101901234', 'citizen.cpr');
    const parts = stored.split('.');
    const data = Buffer.from(parts[3], 'base64url');
    data[0] ^= 1;
    parts[3] = data.toString('base64url');
    expect(() => c.decrypt(parts.join('.'), 'citizen.cpr')).toThrow();
    expect(() => c.decrypt(stored, 'access_log.searched_cpr')).toThrow();
    const other = createFieldCipher({ keys: new Map([['k9', key(9)]]), activeKeyId: 'k9', indexKey: Buffer.alloc(32, 9) });
    expect(() => other.decrypt(stored, 'citizen.cpr')).toThrow(/k1/);
  });

  it('reads values of an older key after rotation, and encrypts new ones with the active key', () => {
    const old = cipher('k1').encrypt('0101901234', 'citizen.cpr');
    const rotated = cipher('k2');
    expect(rotated.decrypt(old, 'citizen.cpr')).toBe('0101901234');
    expect(rotated.keyIdOf(rotated.encrypt('0101901234', 'citizen.cpr'))).toBe('k2');
  });

  it('gives a stable blind index that depends on its key', () => {
    expect(cipher().blindIndex('0101901234')).toBe(cipher('k2').blindIndex('0101901234'));
    expect(cipher().blindIndex('0101901234')).toMatch(/^[0-9a-f]{64}$/);
    const other = createFieldCipher({ keys: new Map([['k1', key(1)]]), activeKeyId: 'k1', indexKey: Buffer.alloc(32, 8) });
    expect(other.blindIndex('0101901234')).not.toBe(cipher().blindIndex('0101901234'));
  });

  it('reads keys from the environment and refuses to run production on development keys', () => {
    const env = {
      CPR_ENCRYPTION_KEYS: `a:${key(3).toString('base64')},b:${key(4).toString('base64')}`,
      CPR_ENCRYPTION_KEY_ID: 'b',
      CPR_BLIND_INDEX_KEY: 'x'.repeat(32),
    };
    const keys = fieldCipherKeysFromEnv(env as NodeJS.ProcessEnv);
    expect(keys.activeKeyId).toBe('b');
    expect([...keys.keys.keys()]).toEqual(['a', 'b']);
    expect(() => fieldCipherKeysFromEnv({ NODE_ENV: 'production' } as NodeJS.ProcessEnv)).toThrow(/CPR_ENCRYPTION_KEYS/);
    expect(() => createFieldCipher(fieldCipherKeysFromEnv({ CPR_ENCRYPTION_KEYS: 'a:c2hvcnQ=' } as NodeJS.ProcessEnv))).toThrow(/32 bytes/);
  });
});
