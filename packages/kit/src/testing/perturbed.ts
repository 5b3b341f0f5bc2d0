import { MAX_NOISE } from '../statistics/cell-key';
import { MIN_CELL_SIZE } from '../statistics/threshold';

/**
 * Jest asymmetric matchers for published statistics, which are perturbed (statistics/cell-key.ts):
 * the test knows the true figure, the answer may differ by the method's bound and no more.
 */
function matcher(description: string, match: (value: unknown) => boolean) {
  return {
    $$typeof: Symbol.for('jest.asymmetricMatcher'),
    asymmetricMatch: match,
    toString: () => 'Perturbed',
    toAsymmetricMatcher: () => description,
  };
}

/** A published count whose true value is `count`: 0 for 0, else within ±MAX_NOISE and not below MIN_CELL_SIZE. */
export function perturbedAround(count: number) {
  return matcher(`${count} ± ${MAX_NOISE}`, (v) =>
    count === 0 ? v === 0 : typeof v === 'number' && Number.isInteger(v) && Math.abs(v - count) <= MAX_NOISE && v >= MIN_CELL_SIZE,
  );
}

/** A published rate whose true value is part / whole: as computed from two counts perturbed within ±MAX_NOISE. */
export function perturbedRateAround(part: number, whole: number) {
  const low = Math.max(0, (part - MAX_NOISE) / (whole + MAX_NOISE));
  const high = Math.min(1, (part + MAX_NOISE) / Math.max(1, whole - MAX_NOISE));
  return matcher(
    `${part}/${whole} (${low.toFixed(3)}…${high.toFixed(3)})`,
    (v) => typeof v === 'number' && v >= low - 0.0005 && v <= high + 0.0005,
  );
}
