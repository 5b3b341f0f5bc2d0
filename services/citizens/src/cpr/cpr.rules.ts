/**
 * Danish CPR numbers (personnummer), DDMMYY-SSSS.
 *
 * The 7th digit with the two-digit year gives the century (CPR-kontoret's table):
 *   0–3: 1900–1999;  4 and 9: 2000–2036 when YY ≤ 36, else 1937–1999;
 *   5–8: 2000–2057 when YY ≤ 57, else 1858–1899.
 * No modulus-11 check: numbers issued since 2007 need not pass it and must be accepted.
 */

export interface Cpr {
  /** Ten digits, no dash: how the number is stored. */
  digits: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  /** Legal gender from the parity of the last digit. */
  legalGender: 'FEMALE' | 'MALE';
}

export class CprError extends Error {}

const FORMAT = /^(\d{2})(\d{2})(\d{2})-?(\d)(\d{3})$/;

export function centuryOf(seventhDigit: number, yy: number): number {
  if (seventhDigit <= 3) return 1900;
  if (seventhDigit === 4 || seventhDigit === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

/**
 * Parses `DDMMYYSSSS` or `DDMMYY-SSSS`. Refuses other shapes, dates that do not exist and
 * birth dates after `today` (YYYY-MM-DD), each with a reason a caseworker understands.
 */
export function parseCpr(input: string, today: string): Cpr {
  const m = FORMAT.exec(input.trim());
  if (!m) throw new CprError('A CPR number has 10 digits, written DDMMYY-SSSS or DDMMYYSSSS.');
  const [day, month, yy, seventh] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  const year = centuryOf(seventh, yy) + yy;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new CprError(`The CPR number starts with a date that does not exist (${m[1]}-${m[2]}-${year}).`);
  }
  const birthDate = date.toISOString().slice(0, 10);
  if (birthDate > today) {
    throw new CprError(`The CPR number gives a birth date in the future (${birthDate}).`);
  }
  const digits = `${m[1]}${m[2]}${m[3]}${m[4]}${m[5]}`;
  return { digits, birthDate, legalGender: Number(digits[9]) % 2 === 0 ? 'FEMALE' : 'MALE' };
}

/** DDMMYY-SSSS, as staff on the citizen's team and the citizen see it. */
export function formatCpr(digits: string): string {
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

/** DDMMYY-****, as everyone else sees it. */
export function maskCpr(digits: string): string {
  return `${digits.slice(0, 6)}-****`;
}
