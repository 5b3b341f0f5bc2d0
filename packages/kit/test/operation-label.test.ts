import { ApolloServer } from '@apollo/server';
import { createServerMetrics, ServerMetrics } from '../src/observability/metrics';
import {
  boundedOperationLabels,
  clientOperationName,
  knownOperationLabels,
  MAX_OPERATION_LABELS,
} from '../src/observability/operation-label';

describe('operation labels', () => {
  it("reads a subgraph fetch's name back to the client operation's", () => {
    expect(clientOperationName('CaseworkerCaseload__citizens__0')).toBe('CaseworkerCaseload');
    expect(clientOperationName('My__Op__plans__12')).toBe('My__Op');
    expect(clientOperationName('Plain')).toBe('Plain');
  });

  it('labels known operations by name and everything else "other"', () => {
    const label = knownOperationLabels(['CitizenOwnView']);
    expect(label('CitizenOwnView')).toBe('CitizenOwnView');
    expect(label('CitizenOwnView__plans__1')).toBe('CitizenOwnView');
    expect(label('Anything')).toBe('other');
    expect(label(undefined)).toBe('anonymous');
    // The gateway's own labeller ignores a label header: only subgraphs take the gateway's word.
    expect(label('Anything', 'CitizenOwnView')).toBe('other');
  });

  it(`without a list, labels the first ${MAX_OPERATION_LABELS} names, then "other", and prefers the gateway's label`, () => {
    const label = boundedOperationLabels();
    const values = new Set(Array.from({ length: 3000 }, (_, i) => label(`Made${i}`)));
    expect(values.size).toBe(MAX_OPERATION_LABELS + 1);
    expect(label('Made0')).toBe('Made0');
    expect(label('Made2999')).toBe('other');
    expect(label('Anything__citizens__0', 'CaseworkerCaseload')).toBe('other'); // a new value past the bound
    expect(boundedOperationLabels()('Anything__citizens__0', 'CaseworkerCaseload')).toBe('CaseworkerCaseload');
    expect(boundedOperationLabels()('x'.repeat(65))).toBe('other');
  });
});

/**
 * 3,000 made-up names through a real Apollo Server and its metrics (no HTTP, so it stays quick on
 * a busy machine; the gateway's and the subgraphs' wiring over HTTP is in e2e/test/gateway/metrics.federation.test.ts).
 */
describe('metric series under 3,000 made-up operation names', () => {
  const series = (text: string) => text.split('\n').filter((l) => /^graphql_(requests_total|request_duration_seconds_bucket)\{/.test(l));
  const labels = (text: string) => new Set(series(text).map((l) => /operation="([^"]*)"/.exec(l)![1]));

  async function withServer(metrics: ServerMetrics, run: (ask: (name: string) => Promise<unknown>) => Promise<void>) {
    const server = new ApolloServer({
      typeDefs: 'type Query { hello: String }',
      resolvers: { Query: { hello: () => 'hi' } },
      plugins: [metrics.plugin()],
    });
    await server.start();
    try {
      await run((name) => server.executeOperation({ query: `query ${name} { hello }` }));
    } finally {
      await server.stop();
    }
  }

  it('add no series where the client operations are known (the gateway)', async () => {
    const metrics = createServerMetrics('test', { operationLabel: knownOperationLabels(['Known']) });
    await withServer(metrics, async (ask) => {
      await ask('Known');
      await ask('Warmup');
      const before = await metrics.registry.metrics();
      for (let i = 0; i < 3000; i += 1) await ask(`Made${i}_${Math.random().toString(36).slice(2)}`);
      const after = await metrics.registry.metrics();
      expect(series(after)).toHaveLength(series(before).length);
      expect(labels(after)).toEqual(new Set(['Known', 'other']));
      expect(after).toMatch(/graphql_requests_total\{operation="other",type="query",outcome="ok",service="test"\} 3001/);
    });
  });

  it(`make at most ${MAX_OPERATION_LABELS} labels and "other" where none are known (a subgraph asked directly)`, async () => {
    const metrics = createServerMetrics('test');
    await withServer(metrics, async (ask) => {
      for (let i = 0; i < 3000; i += 1) await ask(`Made${i}`);
      const found = labels(await metrics.registry.metrics());
      expect(found.size).toBe(MAX_OPERATION_LABELS + 1);
      expect(found.has('other')).toBe(true);
    });
  });
});
