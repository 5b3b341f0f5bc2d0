import { createHash, createHmac } from 'node:crypto';
import { gatewayAssertionSecret } from '../identity/secrets';
import { MIN_CELL_SIZE } from './threshold';

/**
 * Cell-key perturbation (the ABS TableBuilder / ONS flexible table builder method) for every
 * published count, so that figures stay safe under differencing (see docs/insights.md).
 *
 * - Every record (a citizen, a milestone, a meeting, a placement …) has a permanent record key,
 *   an integer in [0, RECORD_KEY_RANGE), derived from its id under a secret key: random to anyone
 *   without the key, the same for the same record in every query and in every service.
 * - A cell's key is the sum of its records' keys modulo RECORD_KEY_RANGE. So the same set of
 *   records gives the same cell key however the question was asked (another period that holds the
 *   same records, another breakdown that ends in the same cell), and one record more or less
 *   gives an unrelated one.
 * - The published count is `count + PERTURBATION_TABLE[row(count)][cellKey]`: a fixed table, the
 *   same noise for the same set of records. Asking again, or asking an equivalent question, gives
 *   nothing new to average away; subtracting two cells leaves the difference of two unknown
 *   noises (each in −MAX_NOISE … +MAX_NOISE), so a count of one small group never comes out exact.
 * - Counts of 1–4 people are suppressed on top (MIN_CELL_SIZE), and no published non-zero count is
 *   below MIN_CELL_SIZE. Zero stays zero (it singles out nobody).
 *
 * Counts are computed in SQL with their key sums beside them: `SUM(<recordKeySql>)`, the same key
 * as `recordKey` here, so a service needs nothing but PostgreSQL.
 */
export const RECORD_KEY_RANGE = 256;
/** The largest perturbation of a count, either way. */
export const MAX_NOISE = 2;
/**
 * The noise distribution of a row: P(−2) = 0.1, P(−1) = 0.2, P(0) = 0.4, P(+1) = 0.2, P(+2) = 0.1
 * (mean 0, variance 1.2). Rows of counts near MIN_CELL_SIZE fold the mass that would publish a
 * value below MIN_CELL_SIZE into the smallest allowed value.
 */
export const NOISE_DISTRIBUTION: readonly { noise: number; p: number }[] = [
  { noise: -2, p: 0.1 },
  { noise: -1, p: 0.2 },
  { noise: 0, p: 0.4 },
  { noise: 1, p: 0.2 },
  { noise: 2, p: 0.1 },
];
/** Rows of the table: counts MIN_CELL_SIZE … TABLE_ROWS_UP_TO each have a row; larger counts share the last. */
const TABLE_ROWS_UP_TO = MIN_CELL_SIZE + MAX_NOISE;

function buildRow(count: number): number[] {
  const row: number[] = [];
  for (let cellKey = 0; cellKey < RECORD_KEY_RANGE; cellKey += 1) {
    // Inverse of the distribution's cumulative function at the cell key's quantile.
    const u = (cellKey + 0.5) / RECORD_KEY_RANGE;
    let cumulative = 0;
    let noise = NOISE_DISTRIBUTION[NOISE_DISTRIBUTION.length - 1].noise;
    for (const d of NOISE_DISTRIBUTION) {
      cumulative += d.p;
      if (u < cumulative) {
        noise = d.noise;
        break;
      }
    }
    row.push(Math.max(noise, MIN_CELL_SIZE - count));
  }
  return row;
}

let table: ReadonlyMap<number, readonly number[]> | undefined;
/**
 * The fixed perturbation table: row by count (MIN_CELL_SIZE … TABLE_ROWS_UP_TO; larger counts use
 * the last row), column by cell key. Built on first use (suppression.ts and this file import each other).
 */
export function perturbationTable(): ReadonlyMap<number, readonly number[]> {
  table ??= new Map(
    Array.from({ length: TABLE_ROWS_UP_TO - MIN_CELL_SIZE + 1 }, (_, i) => [MIN_CELL_SIZE + i, buildRow(MIN_CELL_SIZE + i)]),
  );
  return table;
}

const derivedKeys = new Map<string, { from: string; key: string }>();
/** A key for one purpose, derived from the services' shared secret (never the secret itself). */
function derivedKey(purpose: string): string {
  const secret = gatewayAssertionSecret();
  const cached = derivedKeys.get(purpose);
  if (cached && cached.from === secret) return cached.key;
  const key = createHmac('sha256', secret).update(`jobcenter ${purpose} v1`).digest('hex');
  derivedKeys.set(purpose, { from: secret, key });
  return key;
}

/** The SQL parameter value that `recordKeySql` expects: the record-key secret. */
export function recordKeySecret(): string {
  return derivedKey('statistics record key');
}

/** A record's permanent key in [0, RECORD_KEY_RANGE): the first byte of md5(secret ‖ id). */
export function recordKey(id: string): number {
  return createHash('md5')
    .update(recordKeySecret() + id)
    .digest()[0];
}

/**
 * The same record key computed by PostgreSQL: `idExpression` is a column (uuid or text),
 * `secretParameter` the placeholder bound to `recordKeySecret()` (e.g. `$4`).
 */
export function recordKeySql(idExpression: string, secretParameter: string): string {
  return `get_byte(decode(md5(${secretParameter} || ${idExpression}::text), 'hex'), 0)`;
}

/**
 * A pseudonymous id for a person (insights holds no internal ids, names or CPR numbers):
 * HMAC-SHA256 of the internal id under a key derived from the services' secret, 32 hex digits.
 */
export function pseudonym(id: string): string {
  return createHmac('sha256', derivedKey('insights pseudonym')).update(id).digest('hex').slice(0, 32);
}

/** A count with its records' key sum, and (for counts of events) the distinct people behind it. */
export interface KeyedCount {
  count: number;
  /** Sum of the records' keys (any integer; taken modulo RECORD_KEY_RANGE). */
  keySum: number;
  /** Distinct people; the count itself when omitted. */
  people?: number;
}

/** A cell's key: the sum of its records' keys modulo RECORD_KEY_RANGE. */
export function cellKey(keySum: number): number {
  return ((keySum % RECORD_KEY_RANGE) + RECORD_KEY_RANGE) % RECORD_KEY_RANGE;
}

/** The perturbation for a cell of `count` records with cell key `key` (count ≥ MIN_CELL_SIZE). */
export function noiseFor(count: number, key: number): number {
  const row = perturbationTable().get(Math.min(count, TABLE_ROWS_UP_TO))!;
  return row[key];
}

/** True when the cell describes 1 … MIN_CELL_SIZE − 1 people: it is withheld. */
export function isWithheld(cell: KeyedCount): boolean {
  const people = cell.people ?? cell.count;
  return cell.count > 0 && people < MIN_CELL_SIZE;
}

/**
 * What may be published of a count: null when it describes 1–4 people (suppressed), 0 for 0,
 * else the count perturbed by its cell key (never below MIN_CELL_SIZE).
 */
export function perturbedCount(cell: KeyedCount): number | null {
  if (cell.count === 0) return 0;
  if (isWithheld(cell)) return null;
  return cell.count + noiseFor(cell.count, cellKey(cell.keySum));
}

/** A keyed count from SQL's text columns (`count`, `key_sum`, optional `people`). */
export function keyedCount(count: unknown, keySum: unknown, people?: unknown): KeyedCount {
  const cell: KeyedCount = { count: Number(count ?? 0), keySum: Number(keySum ?? 0) };
  if (people !== undefined && people !== null) cell.people = Number(people);
  return cell;
}

/** A rate published from two perturbed counts, rounded to 0.001; null when either is withheld or the base is 0. */
export function perturbedRate(numerator: KeyedCount, base: KeyedCount): number | null {
  const [n, d] = [perturbedCount(numerator), perturbedCount(base)];
  if (n === null || d === null || d === 0) return null;
  return Math.round(Math.min(1, n / d) * 1000) / 1000;
}

/** The method as one sentence, for `Series.method` and the statistics types' descriptions. */
export const CELL_KEY_METHOD =
  `cell-key perturbation (ABS/ONS): each count gets noise in −${MAX_NOISE}…+${MAX_NOISE} from a fixed table by the sum of its records' ` +
  `secret keys modulo ${RECORD_KEY_RANGE}, the same for the same records; counts of 1–${MIN_CELL_SIZE - 1} people are withheld and no ` +
  `published non-zero count is below ${MIN_CELL_SIZE}; rates are computed from perturbed counts; averages are perturbed by the most one ` +
  'person can change them and rounded to 0.1.';
