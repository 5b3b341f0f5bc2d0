import { badUserInput } from '@jobcenter/kit';

const WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1];

/** True for 8 digits whose weighted sum (2,7,6,5,4,3,2,1) is divisible by 11 (modulus-11). */
export function isValidCvr(cvr: string): boolean {
  if (!/^\d{8}$/.test(cvr)) return false;
  const sum = [...cvr].reduce((acc, digit, i) => acc + Number(digit) * WEIGHTS[i], 0);
  return sum % 11 === 0;
}

/** A CVR number (company number, CVR-nummer) as typed, spaces allowed; the 8 digits, or BAD_USER_INPUT. */
export function cvrFromInput(input: string, field = 'cvr'): string {
  const cvr = input.replace(/\s+/g, '').replace(/^DK/i, '');
  if (!/^\d{8}$/.test(cvr)) throw badUserInput(`${field}: a CVR number has exactly 8 digits (got "${input}").`, field);
  if (!isValidCvr(cvr)) {
    throw badUserInput(`${field}: ${cvr} is not a valid CVR number (the modulus-11 check fails); check for a typing error.`, field);
  }
  return cvr;
}
