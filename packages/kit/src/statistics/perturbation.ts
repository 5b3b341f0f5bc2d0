import { createHmac } from 'node:crypto';
import { gatewayAssertionSecret } from '../identity/secrets';
import { MIN_CELL_SIZE } from './suppression';

/**
 * Protection of published averages against differencing (see docs/input-rules.md, "Statistics").
 *
 * An exact average over n people, asked before and after one person's new assessment, gives that
 * person's change exactly: n × (after − before). Small-cell suppression does not help, because
 * n is large. So an average is published as
 *
 *     round_to_step( (sum + e) / n )      with e in [−maxContribution, +maxContribution]
 *
 * where e is a deterministic perturbation of the sum (a cell-key method, as statistical offices
 * use for tables): it is drawn from an HMAC of the cell's contents (its name, n and the exact
 * sums) under a key derived from the services' shared secret. So
 * - asking again for the same cell gives the same answer (nothing to average away by repeating);
 * - any change of the cell's contents gives a fresh, unpredictable e, whose size is that of the
 *   largest change one person can make to the sum (`maxContribution`, 9 on a 1–10 ladder): the
 *   difference of two answers is the person's change plus noise at least as large;
 * - the key is secret, so nobody can compute e for a guessed sum and invert the answer;
 * - rounding to `step` on top means that for large n (where e/n is tiny) the published value
 *   rarely moves at all.
 * Counts beside such averages are rounded to a multiple of COUNT_BASE (never below MIN_CELL_SIZE).
 *
 * What it does not do: it is not differential privacy with a budget. Someone able to write many
 * assessments (a caseworker, logged) and read each new cell could average many fresh draws; that
 * needs a query budget, which the insights issue is to bring.
 */
export const AVERAGE_STEP = 0.1;
export const COUNT_BASE = 5;

let derivedKey: Buffer | undefined;
let derivedFrom: string | undefined;
/** The perturbation key: derived from the shared service secret, never the secret itself. */
function perturbationKey(): Buffer {
  const secret = gatewayAssertionSecret();
  if (!derivedKey || derivedFrom !== secret) {
    derivedKey = createHmac('sha256', secret).update('jobcenter statistics cell key v1').digest();
    derivedFrom = secret;
  }
  return derivedKey;
}

/** A number in [−1, 1), the same for the same cell contents, unpredictable without the key. */
export function cellNoise(cellKey: string): number {
  const digest = createHmac('sha256', perturbationKey()).update(cellKey).digest();
  return (digest.readUIntBE(0, 6) / 2 ** 48) * 2 - 1;
}

export interface AverageProtection {
  /** Names the cell and the figure, e.g. `progression.NETWORK.latest`. */
  cell: string;
  /** The most one person can change the sum by (9 for scores 1–10). */
  maxContribution: number;
  /** The scale's bounds: the published average stays within them. */
  min?: number;
  max?: number;
  step?: number;
}

/** `sum / count`, perturbed by the cell's key and rounded to the step (see above). */
export function protectedAverage(sum: number, count: number, options: AverageProtection): number {
  const step = options.step ?? AVERAGE_STEP;
  const e = cellNoise(`${options.cell}|${count}|${sum}`) * options.maxContribution;
  let value = (sum + e) / count;
  if (options.min !== undefined) value = Math.max(options.min, value);
  if (options.max !== undefined) value = Math.min(options.max, value);
  return roundTo(value, step);
}

/** A count rounded to the nearest multiple of `base`, never below MIN_CELL_SIZE (smaller cells are suppressed anyway). */
export function roundedCount(count: number, base = COUNT_BASE): number {
  return Math.max(MIN_CELL_SIZE, Math.round(count / base) * base);
}

/** Rounds to a multiple of `step`, without binary fractions showing (0.30000000000000004). */
export function roundTo(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return Number((Math.round(value / step) * step).toFixed(decimals));
}
