/**
 * One load run for the benchmark, in its own process so the load does not share an event loop
 * with the gateway under test. autocannon reports p97.5, not p95: every response time is
 * recorded here and p50/p95/p99 are computed from all of them (nearest rank).
 *   node bench-load.js '{"url":…,"headers":{…},"body":"…","connections":10,"duration":10}'
 */
import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  total: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  /** Every successful response time, ms, sorted (so runs can be combined exactly). */
  latencies: number[];
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function main() {
  const options = JSON.parse(process.argv[2]) as {
    url: string;
    headers: Record<string, string>;
    body: string;
    connections: number;
    duration: number;
  };
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        method: 'POST',
        headers: options.headers,
        body: options.body,
        connections: options.connections,
        duration: options.duration,
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  const out: LoadResult = {
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    errors: result.errors + result.non2xx + result.timeouts,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    latencies,
  };
  process.stdout.write(JSON.stringify(out));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
