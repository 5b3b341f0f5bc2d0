import { cprCipher } from '@jobcenter/kit';

/**
 * How a CPR number is kept at rest (see docs/cpr-at-rest.md): encrypted under the
 * active key, bound to this context, and found again by its blind index. Plain digits never
 * reach the database.
 */
export const CPR_CONTEXT = 'citizen.cpr';

export interface StoredCpr {
  cprEncrypted: string;
  cprIndex: string;
}

/** The columns that store ten CPR digits. */
export function sealCpr(digits: string): StoredCpr {
  const cipher = cprCipher();
  return { cprEncrypted: cipher.encrypt(digits, CPR_CONTEXT), cprIndex: cipher.blindIndex(digits) };
}

/** The blind index to look ten CPR digits up by. */
export function cprIndexOf(digits: string): string {
  return cprCipher().blindIndex(digits);
}

/**
 * The ten digits of a stored CPR number. A value that does not decrypt (changed in the
 * database, or its key is no longer configured), or that decrypts to another number than its
 * blind index says (a ciphertext copied over from another citizen's row), is a server fault:
 * the error names the citizen and the reason, never the value, and reaches clients as a plain
 * INTERNAL_SERVER_ERROR.
 */
export function revealCpr(citizen: { id: string } & StoredCpr): string {
  const cipher = cprCipher();
  let digits: string;
  try {
    digits = cipher.decrypt(citizen.cprEncrypted, CPR_CONTEXT);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unknown reason';
    throw new CprDecryptionError(`The stored CPR number of citizen ${citizen.id} cannot be decrypted: ${reason}`);
  }
  if (cipher.blindIndex(digits) !== citizen.cprIndex) {
    throw new CprDecryptionError(`The stored CPR number of citizen ${citizen.id} does not match its blind index.`);
  }
  return digits;
}

export class CprDecryptionError extends Error {
  override name = 'CprDecryptionError';
}
