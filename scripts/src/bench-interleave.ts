import { LoadResult, percentile } from './bench-load';

const SETTLE_MS = 2_000;

/**
 * Measures two targets in turns, A B B A, each for half of `seconds` per turn, so both get the
 * same total time and a change in the machine's load (it is shared) falls on both alike instead
 * of on whichever ran second. It starts after a pause, so the previous scenario is over.
 * Requests per second are over the whole time; percentiles over every response of both turns.
 */
export async function interleaved(
  a: (seconds: number) => Promise<LoadResult>,
  b: (seconds: number) => Promise<LoadResult>,
  seconds: number,
): Promise<[LoadResult, LoadResult]> {
  // Requests still running from the previous scenario (a slow one leaves ten behind, each with
  // its access log to write) would fall on A's first turn alone: let them finish first.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const turn = Math.max(1, Math.round(seconds / 2));
  const runsA: LoadResult[] = [];
  const runsB: LoadResult[] = [];
  runsA.push(await a(turn));
  runsB.push(await b(turn));
  runsB.push(await b(turn));
  runsA.push(await a(turn));
  return [combine(runsA, 2 * turn), combine(runsB, 2 * turn)];
}

/** One result from several runs of one target. */
function combine(runs: LoadResult[], seconds: number): LoadResult {
  const latencies = runs.flatMap((r) => r.latencies).sort((x, y) => x - y);
  const total = runs.reduce((n, r) => n + r.total, 0);
  return {
    requestsPerSecond: total / seconds,
    total,
    errors: runs.reduce((n, r) => n + r.errors, 0),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    latencies,
  };
}
