import { cellNoise, protectedAverage, roundedCount, roundTo } from '../src/statistics/perturbation';

/**
 * The differencing attack on a published average: ask before and after one person's new score,
 * and read their change as n × (after − before). These tests play that attack against many cells.
 */
const SCORE = { maxContribution: 9, min: 1, max: 10 };

function attack(n: number, sumBefore: number, change: number, publish: (sum: number) => number): number {
  return Math.round((publish(sumBefore + change) - publish(sumBefore)) * n);
}

describe('protected averages (differencing)', () => {
  it("an exact average gives one person's change away every time (the attack the protection must stop)", () => {
    const exact = (n: number) => (sum: number) => sum / n;
    for (let change = -9; change <= 9; change += 1) expect(attack(40, 200, change, exact(40))).toBe(change);
  });

  it('a protected average does not: the change read from two answers is mostly wrong, and wrong by as much as a score can change', () => {
    let exactHits = 0;
    let trials = 0;
    const errors: number[] = [];
    for (const n of [5, 12, 40, 300, 3647]) {
      for (let base = 0; base < 40; base += 1) {
        const sumBefore = Math.round(n * (3 + (base % 5)));
        for (const change of [-9, -4, -1, 1, 4, 9]) {
          const publish = (sum: number) => protectedAverage(sum, n, { ...SCORE, cell: `test.${n}.${base}` });
          const read = attack(n, sumBefore, change, publish);
          trials += 1;
          if (read === change) exactHits += 1;
          errors.push(Math.abs(read - change));
        }
      }
    }
    // Without protection every trial is an exact hit; with it, few are, and large errors are common.
    expect(exactHits / trials).toBeLessThan(0.2);
    expect(errors.filter((e) => e >= 3).length / trials).toBeGreaterThan(0.5);
  });

  it('cannot tell a person who improved by 9 from one who fell by 9 by the sign of the difference alone', () => {
    const n = 25;
    const signs = (change: number) =>
      Array.from({ length: 200 }, (_, i) => {
        const publish = (sum: number) => protectedAverage(sum, n, { ...SCORE, cell: `sign.${i}` });
        return Math.sign(publish(125 + i + change) - publish(125 + i));
      });
    const upWhenUp = signs(9).filter((s) => s > 0).length;
    const upWhenDown = signs(-9).filter((s) => s > 0).length;
    // Both directions produce rises and falls; the difference is a tendency, not a reading.
    expect(upWhenUp).toBeLessThan(190);
    expect(upWhenDown).toBeGreaterThan(10);
  });

  it('answers the same cell the same way every time (nothing to average away by asking again), within the bound', () => {
    const a = protectedAverage(123, 30, { ...SCORE, cell: 'same' });
    expect(protectedAverage(123, 30, { ...SCORE, cell: 'same' })).toBe(a);
    expect(Math.abs(a - 123 / 30)).toBeLessThanOrEqual(9 / 30 + 0.05);
    expect(cellNoise('x')).toBe(cellNoise('x'));
    expect(cellNoise('x')).not.toBe(cellNoise('y'));
  });

  it('keeps the average on the scale and on 0.1 steps; counts on multiples of 5, never under 5', () => {
    for (let sum = 5; sum <= 50; sum += 1) {
      const v = protectedAverage(sum, 5, { ...SCORE, cell: 'scale' });
      expect(v).toBeGreaterThanOrEqual(1);
      expect(v).toBeLessThanOrEqual(10);
      expect(roundTo(v, 0.1)).toBe(v);
    }
    expect([5, 6, 7, 8, 3647].map((n) => roundedCount(n))).toEqual([5, 5, 5, 10, 3645]);
  });
});
