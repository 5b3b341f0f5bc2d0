import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Authenticated encryption of single fields (CPR numbers) at rest, with a blind index to find
 * them again.
 *
 * - AES-256-GCM, a fresh 96-bit IV per value; the stored text names its key, so keys can rotate:
 *   new values use the active key, old ones stay readable while their key is configured, and
 *   `npm run rotate:cpr-key` re-encrypts them.
 * - A caller-chosen context (e.g. `citizen.cpr`) is bound as additional authenticated data, so a
 *   value copied into another column does not decrypt.
 * - The blind index is HMAC-SHA-256 under its own key: equality look-ups and the unique
 *   constraint work on it, and the database alone reveals nothing (10^10 CPR numbers are few
 *   enough to brute-force a plain hash, not an HMAC without the key).
 *
 * Stored form: `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url parts).
 */
export interface FieldCipher {
  /** The key new values are encrypted with. */
  readonly activeKeyId: string;
  encrypt(plaintext: string, context: string): string;
  /** Throws if the value was changed, belongs to another context, or its key is not configured. */
  decrypt(stored: string, context: string): string;
  /** The key id a stored value was encrypted with. */
  keyIdOf(stored: string): string;
  /** Hex HMAC-SHA-256 of the value: the same input always gives the same index. */
  blindIndex(plaintext: string): string;
}

export interface FieldCipherKeys {
  /** Key id → 32-byte key. */
  keys: ReadonlyMap<string, Buffer>;
  activeKeyId: string;
  /** Key of the blind index (at least 32 bytes). */
  indexKey: Buffer;
}

const VERSION = 'v1';
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export function createFieldCipher({ keys, activeKeyId, indexKey }: FieldCipherKeys): FieldCipher {
  for (const [id, key] of keys) {
    if (!KEY_ID.test(id)) throw new Error(`Encryption key id "${id}" may only hold letters, digits, - and _ (at most 32).`);
    if (key.length !== 32) throw new Error(`Encryption key "${id}" must be 32 bytes (AES-256), not ${key.length}.`);
  }
  if (!keys.has(activeKeyId)) throw new Error(`The active encryption key "${activeKeyId}" is not among the configured keys.`);
  if (indexKey.length < 32) throw new Error('The blind index key must be at least 32 bytes.');
  const parse = (stored: string) => {
    const parts = stored.split('.');
    if (parts.length !== 5 || parts[0] !== VERSION) throw new Error('Not an encrypted field value.');
    return {
      keyId: parts[1],
      iv: Buffer.from(parts[2], 'base64url'),
      data: Buffer.from(parts[3], 'base64url'),
      tag: Buffer.from(parts[4], 'base64url'),
    };
  };
  return {
    activeKeyId,
    encrypt(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keys.get(activeKeyId)!, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, activeKeyId, iv.toString('base64url'), data.toString('base64url'), tag.toString('base64url')].join('.');
    },
    decrypt(stored, context) {
      const { keyId, iv, data, tag } = parse(stored);
      const key = keys.get(keyId);
      if (!key) throw new Error(`Encryption key "${keyId}" is not configured; it is needed to read this value.`);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
    },
    keyIdOf(stored) {
      return parse(stored).keyId;
    },
    blindIndex(plaintext) {
      return createHmac('sha256', indexKey).update(plaintext, 'utf8').digest('hex');
    },
  };
}

// Development keys let a fresh clone run; production refuses to start without real ones.
const DEV_KEYS = 'dev:ZGV2ZWxvcG1lbnQtb25seS1jcHIta2V5LTAxMjM0NTY=';
const DEV_INDEX_KEY = 'development-only-cpr-blind-index-key-0123456789';

/**
 * Reads the CPR keys from the environment:
 * - `CPR_ENCRYPTION_KEYS`: `id:base64key` pairs separated by commas (32-byte keys);
 * - `CPR_ENCRYPTION_KEY_ID`: the key new values use (default: the first listed);
 * - `CPR_BLIND_INDEX_KEY`: at least 32 characters.
 */
export function fieldCipherKeysFromEnv(env: NodeJS.ProcessEnv = process.env): FieldCipherKeys {
  const production = env.NODE_ENV === 'production';
  const listed = env.CPR_ENCRYPTION_KEYS?.trim();
  if (!listed && production) throw new Error('CPR_ENCRYPTION_KEYS must be set in production');
  const indexKey = env.CPR_BLIND_INDEX_KEY ?? (production ? undefined : DEV_INDEX_KEY);
  if (!indexKey) throw new Error('CPR_BLIND_INDEX_KEY must be set in production');
  if (indexKey.length < 32) throw new Error('CPR_BLIND_INDEX_KEY must be at least 32 characters');
  const keys = new Map<string, Buffer>();
  for (const pair of (listed || DEV_KEYS).split(',')) {
    const at = pair.indexOf(':');
    if (at <= 0) throw new Error('CPR_ENCRYPTION_KEYS holds "id:base64key" pairs separated by commas');
    keys.set(pair.slice(0, at).trim(), Buffer.from(pair.slice(at + 1).trim(), 'base64'));
  }
  const activeKeyId = env.CPR_ENCRYPTION_KEY_ID?.trim() || [...keys.keys()][0];
  return { keys, activeKeyId, indexKey: Buffer.from(indexKey, 'utf8') };
}

/** For the citizens service's start-up check: what is wrong with its CPR keys, if anything. */
export function cprKeysProblem(env: NodeJS.ProcessEnv): string | undefined {
  try {
    createFieldCipher(fieldCipherKeysFromEnv(env));
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

let fromEnv: FieldCipher | undefined;

/** The process's CPR cipher, from the environment (read once). */
export function cprCipher(): FieldCipher {
  fromEnv ??= createFieldCipher(fieldCipherKeysFromEnv());
  return fromEnv;
}

/** Forgets the cached cipher (tests that change the environment). */
export function resetCprCipher(): void {
  fromEnv = undefined;
}
