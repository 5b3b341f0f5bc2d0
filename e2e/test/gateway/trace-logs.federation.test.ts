import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { printSubgraphSchema } from '@apollo/subgraph';
import type { Actor } from '@jobcenter/kit';
import { createLogger } from '@jobcenter/kit/logger';
import { initTracing, shutdownTracing } from '@jobcenter/kit/observability';
import { bearerFor, InMemorySpanExporter, postGraphQL, startTestSubgraph } from '@jobcenter/kit/testing';
import { citizensSubgraph } from '@jobcenter/citizens';
import { composeFromSchemas } from '@jobcenter/gateway/compose';
import { startGateway } from '@jobcenter/gateway/server';

/** Issue 8, "logs carry the trace id": the gateway's lines join the trace of the request they serve. */
it("the gateway's log lines of a request carry the trace id its spans and the subgraph's spans share", async () => {
  const spans = new InMemorySpanExporter();
  initTracing({ exporter: spans });
  const lines: Record<string, any>[] = [];
  const logger = createLogger('gateway', {
    destination: new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    }),
  });
  logger.level = 'info';
  const citizens = await startTestSubgraph(citizensSubgraph);
  const gateway = await startGateway({
    port: 0,
    logger,
    supergraphSdl: composeFromSchemas([{ name: 'citizens', url: citizens.url, sdl: printSubgraphSchema(citizens.schema) }]),
    subgraphUrls: { citizens: citizens.url },
  });
  try {
    const lead: Actor = { id: randomUUID(), role: 'TEAM_LEAD', name: 'Lone Friis', team: 'Team Ryslinge' };
    const traceId = randomUUID().replace(/-/g, '');
    const res = await postGraphQL(
      gateway.url,
      `query Staff { staffMembers { id } }`,
      {},
      {
        ...(await bearerFor(lead)),
        traceparent: `00-${traceId}-${'3'.repeat(16)}-01`,
      },
    );
    expect(res.errors).toBeUndefined();
    const traced = spans.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
    expect(new Set(traced.map((s) => s.attributes['service.name']).filter(Boolean))).toEqual(new Set(['gateway', 'citizens']));
    const mine = lines.filter((l) => l.actor === lead.id);
    expect(mine.map((l) => l.msg)).toContain('graphql request');
    const spanIds = new Set(traced.map((s) => s.spanContext().spanId));
    for (const line of mine) {
      expect(line.trace_id).toBe(traceId);
      expect(spanIds.has(line.span_id)).toBe(true);
    }
  } finally {
    await gateway.close();
    await citizens.stop();
    await shutdownTracing();
  }
});
