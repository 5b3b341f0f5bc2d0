import type autocannon from 'autocannon';

/** The parts of an autocannon result the benchmark prints. */
export interface LoadSummary {
  requests: { average: number; total: number };
  latency: { p50: number; p97_5: number; p99: number };
  errors: number;
  non2xx: number;
}

const SETTLE_MS = 2_000;

/**
 * Measures two targets in turns, A B B A, each for half of `seconds` per turn, so both get the
 * same total time and a change in the machine's load (it is shared) falls on both alike instead
 * of on whichever ran second. It starts after a pause, so the previous scenario is over.
 * Requests per second are over the whole time; latency percentiles are the request-weighted
 * mean of the turns' percentiles.
 */
export async function interleaved(
  a: (seconds: number) => Promise<autocannon.Result>,
  b: (seconds: number) => Promise<autocannon.Result>,
  seconds: number,
): Promise<[LoadSummary, LoadSummary]> {
  // Requests still running from the previous scenario (a slow one leaves ten behind, each with
  // its access log to write) would fall on A's first turn alone: let them finish first.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const turn = Math.max(1, Math.round(seconds / 2));
  const runsA: autocannon.Result[] = [];
  const runsB: autocannon.Result[] = [];
  runsA.push(await a(turn));
  runsB.push(await b(turn));
  runsB.push(await b(turn));
  runsA.push(await a(turn));
  return [summarize(runsA, 2 * turn), summarize(runsB, 2 * turn)];
}

function summarize(runs: autocannon.Result[], seconds: number): LoadSummary {
  const total = runs.reduce((n, r) => n + r.requests.total, 0);
  const weighted = (pick: (r: autocannon.Result) => number) =>
    total === 0 ? 0 : Math.round(runs.reduce((sum, r) => sum + pick(r) * r.requests.total, 0) / total);
  return {
    requests: { average: total / seconds, total },
    latency: { p50: weighted((r) => r.latency.p50), p97_5: weighted((r) => r.latency.p97_5), p99: weighted((r) => r.latency.p99) },
    errors: runs.reduce((n, r) => n + r.errors, 0),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
  };
}
