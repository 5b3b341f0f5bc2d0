import { MAX_NOISE, perturbedCount } from './cell-key';
import { MIN_CELL_SIZE } from './threshold';
/**
 * Small-cell suppression (diskretionering) for the dashboards' statistics: no figure may describe
 * so few people that it singles one out. One rule for all four subgraphs and every role.
 *
 * - A count describing 1–4 people (or events of 1–4 people: meetings, milestones, placements of
 *   fewer than 5 distinct citizens) is withheld: it reports 0 and its name is listed in the
 *   statistics' `suppressed`, so a dashboard can show "<5" rather than 0. Zero is shown as 0
 *   (it singles out nobody) and is not listed.
 * - A breakdown (a list of cells whose sum is known elsewhere, e.g. citizens by target group
 *   against the total) drops its small cells, and then more (secondary suppression): while
 *   fewer than two cells are withheld, or the withheld cells hold fewer than MIN_CELL_SIZE in
 *   all, the smallest shown cell is withheld too, so `total − shown` reveals no small cell.
 * - A rate is null when it is computed from a small count (numerator or what it is compared
 *   with) or over fewer than MIN_CELL_SIZE people.
 */

export { MIN_CELL_SIZE } from './threshold';

/** One cell before suppression: its count and, when the count is of events, the distinct people behind them. */
export interface Cell {
  count: number;
  /** Distinct people the count describes; the count itself when omitted (a count of people). */
  people?: number;
  /**
   * Sum of the records' keys (cell-key.ts, `recordKeySql` in the query): when given, a shown count
   * is published perturbed by the cell key, so that differences of figures give no small group away.
   */
  keySum?: number;
}

/**
 * The count a shown cell publishes: perturbed by its cell key when it has one (cell-key.ts). A
 * small cell is returned as it is: the caller withholds it (count, breakdown, rate) and never shows it.
 */
export function publishedCount(cell: Cell | number): number {
  const c = typeof cell === 'number' ? { count: cell } : cell;
  if (c.keySum === undefined || c.count === 0 || isSmallCell(c)) return c.count;
  return perturbedCount({ count: c.count, keySum: c.keySum, people: c.people }) ?? c.count;
}

export interface KeyedCell extends Cell {
  key: string;
}

/** True when a cell describes 1 to MIN_CELL_SIZE − 1 people: it must not be shown. */
export function isSmallCell(cell: Cell | number): boolean {
  const people = typeof cell === 'number' ? cell : (cell.people ?? cell.count);
  return people > 0 && people < MIN_CELL_SIZE;
}

/**
 * The keys a breakdown must withhold: its small cells, then (secondary suppression) the
 * smallest shown non-zero cells until at least two are withheld and together they hold at least
 * MIN_CELL_SIZE, or nothing is left to withhold. Ties go to the earlier cell, so the answer is
 * the same every time. `hideOne`: withhold at least one cell (and so, by the rule, two), for a
 * breakdown whose sum would otherwise reveal a withheld figure.
 */
export function cellsToWithhold(cells: readonly KeyedCell[], options: { hideOne?: boolean } = {}): Set<string> {
  const withheld = new Set(cells.filter((c) => isSmallCell(c)).map((c) => c.key));
  if (withheld.size === 0 && options.hideOne) {
    // The breakdown's total is withheld elsewhere: showing every cell would give it away.
    const smallest = cells.filter((c) => c.count > 0).sort((a, b) => a.count - b.count)[0];
    if (smallest) withheld.add(smallest.key);
  }
  if (withheld.size === 0) return withheld;
  const residual = () => cells.filter((c) => withheld.has(c.key)).reduce((sum, c) => sum + c.count, 0);
  while (withheld.size < 2 || residual() < MIN_CELL_SIZE) {
    const next = cells
      .filter((c) => !withheld.has(c.key) && c.count > 0)
      .reduce<KeyedCell | null>((smallest, c) => (smallest === null || c.count < smallest.count ? c : smallest), null);
    if (!next) break;
    withheld.add(next.key);
  }
  return withheld;
}

/**
 * part / whole from the published (perturbed) counts, rounded to 0.001 and at most 1; null when
 * whole is 0. A rate from exact counts would give away what their perturbation hides.
 */
export function publishedRatio(part: Cell | number, whole: Cell | number): number | null {
  const [p, w] = [publishedCount(part), publishedCount(whole)];
  return w === 0 ? null : Math.round(Math.min(1, p / w) * 1000) / 1000;
}

/**
 * Suppression for one statistics answer: each figure goes through it, and `suppressed` lists
 * the names of those withheld (e.g. `noShow`, `byTargetGroup.YOUTH`, `attendanceRate`).
 */
export class CellSuppression {
  private readonly withheld: string[] = [];

  /** The names of the withheld figures, in the order they were met. */
  get suppressed(): string[] {
    return [...this.withheld];
  }

  /** A count for an `Int!` field: the count, or 0 (and listed) when it describes 1–4 people. */
  count(name: string, cell: Cell | number): number {
    const c = typeof cell === 'number' ? { count: cell } : cell;
    if (!isSmallCell(c)) return publishedCount(c);
    this.withheld.push(name);
    return 0;
  }

  /**
   * A breakdown without its withheld cells (small ones and their secondary suppression).
   * `hideOne` when the breakdown's sum would reveal a figure withheld elsewhere.
   */
  breakdown(name: string, cells: readonly KeyedCell[], options: { hideOne?: boolean } = {}): { key: string; count: number }[] {
    const withheld = cellsToWithhold(cells, options);
    for (const c of cells) if (withheld.has(c.key)) this.withheld.push(`${name}.${c.key}`);
    return cells.filter((c) => !withheld.has(c.key)).map((c) => ({ key: c.key, count: publishedCount(c) }));
  }

  /**
   * Counts for sibling `Int!` fields that are parts of a published total (e.g. outcomes of the
   * completed placements), with secondary suppression among them; each key is a field name.
   * Keys in `unpublished` (the remainder no field shows) take part but are never listed.
   */
  parts(cells: readonly KeyedCell[], unpublished: readonly string[] = []): Record<string, number> {
    const withheld = cellsToWithhold(cells);
    const shown: Record<string, number> = {};
    for (const c of cells) {
      shown[c.key] = withheld.has(c.key) ? 0 : publishedCount(c);
      if (withheld.has(c.key) && !unpublished.includes(c.key)) this.withheld.push(c.key);
    }
    return shown;
  }

  /**
   * A rate, or null (and listed) when it is computed `from` a small cell or `over` fewer than
   * MIN_CELL_SIZE people. A rate that is null anyway (nothing to divide by) is not listed.
   */
  rate(name: string, value: number | null, basis: { over: Cell | number; from?: readonly (Cell | number)[] }): number | null {
    if (value === null) return null;
    const over = typeof basis.over === 'number' ? basis.over : (basis.over.people ?? basis.over.count);
    if (over >= MIN_CELL_SIZE && !(basis.from ?? []).some((c) => isSmallCell(c))) return value;
    this.withheld.push(name);
    return null;
  }
}

/** The description every statistics type's `suppressed` field carries. */
export const SUPPRESSED_FIELD_DESCRIPTION =
  `Figures withheld because they would describe 1–${MIN_CELL_SIZE - 1} people (small-cell suppression): a count listed here ` +
  'reports 0, a breakdown cell (named `field.KEY`) is left out, a rate is null. Show them as "<' +
  `${MIN_CELL_SIZE}", not as 0.`;

/** Appended to the description of a count that may be withheld. */
export const SUPPRESSIBLE =
  ` 0 when it would describe 1–${MIN_CELL_SIZE - 1} people; then listed in \`suppressed\`. Otherwise perturbed by at most ±${MAX_NOISE} ` +
  '(cell-key method: the same records always get the same noise), so differences of figures give no one away.';
