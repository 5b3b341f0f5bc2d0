/**
 * Reading small-cell suppression in a statistics answer (see packages/kit/src/statistics): a
 * figure that would describe 1–4 people comes as 0 (a count), null (a rate) or is left out of a
 * breakdown, and is named in `suppressed` (`field` or `field.KEY`). The dashboard shows it as
 * "<5", never as 0.
 */

/** One shown figure: its value, or withheld. */
export interface Cell {
  value: number | null;
  suppressed: boolean;
}

interface Suppressing {
  suppressed: readonly string[];
}

export function count(stats: Suppressing, name: string, value: number): Cell {
  return stats.suppressed.includes(name) ? { value: null, suppressed: true } : { value, suppressed: false };
}

/** A rate (0–1); null without a withheld name means there was nothing to compute it from. */
export function rate(stats: Suppressing, name: string, value: number | null | undefined): Cell {
  return stats.suppressed.includes(name) ? { value: null, suppressed: true } : { value: value ?? null, suppressed: false };
}

/**
 * A breakdown in the order of `keys` (every enum value): withheld cells named `field.KEY`, the
 * others with their count (0 when the service lists none for the key).
 */
export function breakdown(
  stats: Suppressing,
  field: string,
  cells: readonly { key: string; count: number }[],
  keys: readonly string[],
): { key: string; cell: Cell }[] {
  const byKey = new Map(cells.map((c) => [c.key, c.count]));
  const extra = cells.map((c) => c.key).filter((k) => !keys.includes(k));
  return [...keys, ...extra].map((key) =>
    stats.suppressed.includes(`${field}.${key}`)
      ? { key, cell: { value: null, suppressed: true } }
      : { key, cell: { value: byKey.get(key) ?? 0, suppressed: false } },
  );
}

/** The smallest number of people a published figure may describe (the kit's MIN_CELL_SIZE). */
export const MIN_CELL_SIZE = 5;
