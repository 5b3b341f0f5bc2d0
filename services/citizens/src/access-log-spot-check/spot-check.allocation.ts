import { randomInt } from 'node:crypto';

/** A uniform integer in [0, maxExclusive). */
export type RandomInt = (maxExclusive: number) => number;

/**
 * How many of a sample of `size` to take from each domain so that the union is a uniformly
 * random sample of all the domains' look-ups together: a multivariate hypergeometric draw.
 * Draws `size` look-ups one by one without replacement from the pooled counts; each draw picks
 * a domain with probability (its look-ups not yet drawn) / (all not yet drawn). With each
 * domain's own sample uniform, taking that many from it makes every subset of the union of
 * that size equally likely. Never more than a domain has; everything when size ≥ the total.
 */
export function allocateSample(counts: readonly number[], size: number, random: RandomInt = randomInt): number[] {
  const remaining = counts.map((c) => Math.max(0, Math.floor(c)));
  const taken = remaining.map(() => 0);
  let left = remaining.reduce((sum, c) => sum + c, 0);
  for (let drawn = 0; drawn < size && left > 0; drawn += 1) {
    let pick = random(left);
    let domain = 0;
    while (pick >= remaining[domain]) {
      pick -= remaining[domain];
      domain += 1;
    }
    remaining[domain] -= 1;
    taken[domain] += 1;
    left -= 1;
  }
  return taken;
}
