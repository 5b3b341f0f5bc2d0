import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { createLogger } from '../src/logger';
import { initTracing, shutdownTracing } from '../src/observability/tracing';
import { startSubgraph } from '../src/subgraph';
import { createTestDatabase, gatewayHeadersFor, InMemorySpanExporter, postGraphQL } from '../src/testing';
import { slowSubgraph } from './fixtures/slow-subgraph';

/** Issue 8, "logs carry the trace id": a request's log lines name the trace its spans belong to. */
const actor = { id: randomUUID(), role: 'CASEWORKER' as const, name: 'Inger Holm', team: 'Team Ryslinge' };

function capture() {
  const lines: Record<string, any>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const logger = createLogger('slow', { destination: stream });
  logger.level = 'info';
  return { lines, logger };
}

async function serve(logger: ReturnType<typeof createLogger>) {
  const database = await createTestDatabase('tracelogs');
  const running = await startSubgraph(slowSubgraph, { databaseUrl: database.url, port: 0, logger });
  return { url: running.url, stop: async () => (await running.close(), await database.drop()) };
}

describe('log lines and traces', () => {
  it('with OpenTelemetry on, every line of a request carries its trace id and the span it was written in', async () => {
    const spans = new InMemorySpanExporter();
    initTracing({ exporter: spans });
    const { lines, logger } = capture();
    const subgraph = await serve(logger);
    try {
      const traceId = randomUUID().replace(/-/g, '');
      const res = await postGraphQL(
        subgraph.url,
        '{ slow(ms: 1) }',
        {},
        {
          ...(await gatewayHeadersFor(actor)),
          traceparent: `00-${traceId}-${'2'.repeat(16)}-01`,
        },
      );
      expect(res.data).toEqual({ slow: 'done' });
      const mine = lines.filter((l) => l.actor === actor.id);
      expect(mine.map((l) => l.msg)).toContain('graphql request');
      const spanIds = new Set(
        spans
          .getFinishedSpans()
          .filter((s) => s.spanContext().traceId === traceId)
          .map((s) => s.spanContext().spanId),
      );
      expect(spanIds.size).toBeGreaterThan(0);
      for (const line of mine) {
        expect(line.trace_id).toBe(traceId);
        expect(spanIds.has(line.span_id)).toBe(true);
      }
    } finally {
      await subgraph.stop();
      await shutdownTracing();
    }
  });

  it('without OpenTelemetry the lines are as before: no trace_id or span_id', async () => {
    const { lines, logger } = capture();
    const subgraph = await serve(logger);
    try {
      await postGraphQL(subgraph.url, '{ slow(ms: 1) }', {}, await gatewayHeadersFor(actor));
      const mine = lines.filter((l) => l.actor === actor.id);
      expect(mine.length).toBeGreaterThan(0);
      for (const line of mine) expect([line.trace_id, line.span_id]).toEqual([undefined, undefined]);
    } finally {
      await subgraph.stop();
    }
  });
});
