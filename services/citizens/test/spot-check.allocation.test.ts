import { allocateSample, RandomInt } from '../src/access-log-spot-check/spot-check.allocation';

/** A small seeded generator (mulberry32), so the statistical checks below never flake. */
function seeded(seed: number): RandomInt {
  let state = seed >>> 0;
  return (maxExclusive) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * maxExclusive);
  };
}

describe('splitting a spot check between the domains', () => {
  it('takes everything when the sample asks for more than there is', () => {
    expect(allocateSample([3, 0, 7, 1], 20, seeded(1))).toEqual([3, 0, 7, 1]);
    expect(allocateSample([0, 0, 0, 0], 20, seeded(1))).toEqual([0, 0, 0, 0]);
  });

  it('draws exactly the size asked for, never more than a domain has', () => {
    const random = seeded(2);
    for (let i = 0; i < 1000; i += 1) {
      const counts = [i % 7, (i * 13) % 50, 0, (i * 7) % 30];
      const taken = allocateSample(counts, 20, random);
      expect(taken.reduce((a, b) => a + b, 0)).toBe(
        Math.min(
          20,
          counts.reduce((a, b) => a + b, 0),
        ),
      );
      taken.forEach((k, d) => expect(k).toBeLessThanOrEqual(counts[d]));
    }
  });

  it('gives each domain its share in proportion to its look-ups, with the hypergeometric spread', () => {
    // 600 look-ups in citizens, 300 in plans, 100 in meetings, none in placements; samples of 20.
    const counts = [600, 300, 100, 0];
    const runs = 20_000;
    const random = seeded(42);
    const sums = [0, 0, 0, 0];
    let squares = 0;
    for (let i = 0; i < runs; i += 1) {
      const taken = allocateSample(counts, 20, random);
      taken.forEach((k, d) => (sums[d] += k));
      squares += taken[2] * taken[2];
    }
    const means = sums.map((s) => s / runs);
    // Expected 12, 6, 2, 0: the standard error of each mean is about 0.015, the bound is 0.15.
    expect(Math.abs(means[0] - 12)).toBeLessThan(0.15);
    expect(Math.abs(means[1] - 6)).toBeLessThan(0.15);
    expect(Math.abs(means[2] - 2)).toBeLessThan(0.15);
    expect(means[3]).toBe(0);
    // Variance of a hypergeometric draw: n p (1 − p) (N − n) / (N − 1) = 20 · 0.1 · 0.9 · 980/999 ≈ 1.766.
    const variance = squares / runs - means[2] * means[2];
    expect(Math.abs(variance - 1.766)).toBeLessThan(0.15);
  });

  it('uses crypto randomness by default', () => {
    const taken = allocateSample([50, 50], 10);
    expect(taken[0] + taken[1]).toBe(10);
  });
});
