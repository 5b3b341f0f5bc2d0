import { randomUUID } from 'node:crypto';
import type { Actor } from '@jobcenter/kit';
import { MAX_OPERATION_LABELS } from '@jobcenter/kit/observability';
import { bearerFor, gatewayHeadersFor, postGraphQL } from '@jobcenter/kit/testing';
import { citizensSubgraph } from '@jobcenter/citizens';
import { knownOperationNames } from '@jobcenter/gateway/operations';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';

/**
 * Operation names are the client's choice; metric series are every process's memory. Made-up
 * names must not add series, on the gateway or behind it, while the client operations keep theirs.
 * (3,000 names through the metrics plugin itself: packages/kit/test/operation-label.test.ts.)
 */
let federation: TestFederation;
const lone: Actor = { id: randomUUID(), role: 'TEAM_LEAD', name: 'Lone Friis', team: 'Team Metrics' };

beforeAll(async () => {
  federation = await startTestFederation([citizensSubgraph]);
});
afterAll(() => federation.stop());

/** A scrape of a process's metrics, served on their own port (`metricsUrl`), not the public one. */
const metricsOf = async (metricsUrl: string) => (await fetch(metricsUrl)).text();
/** The GraphQL series (counter and histogram lines) in a scrape. */
const seriesOf = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.startsWith('graphql_requests_total{') || line.startsWith('graphql_request_duration_seconds_bucket{'));
const labelsOf = (text: string) => new Set(seriesOf(text).map((line) => /operation="([^"]*)"/.exec(line)?.[1]));

/** Runs `count` requests, `parallel` at a time. */
async function inBatches(count: number, parallel: number, send: (i: number) => Promise<unknown>) {
  for (let i = 0; i < count; i += parallel) await Promise.all(Array.from({ length: Math.min(parallel, count - i) }, (_, j) => send(i + j)));
}

describe('the operation label', () => {
  it('knows the client operations in gateway/operations', () => {
    expect(knownOperationNames()).toEqual(
      expect.arrayContaining(['CaseworkerCaseload', 'CitizenOwnView', 'JobConsultantDay', 'MunicipalDashboard']),
    );
  });

  it('500 made-up operation names add no series on the gateway or the subgraph; a client operation keeps its name', async () => {
    const headers = await bearerFor(lone);
    // Every tenth name goes on to the citizens subgraph; the others the gateway answers alone.
    const query = (name: string, i: number) =>
      i % 10 === 0 ? `query ${name}($id: ID!) { staffMember(id: $id) { id } }` : `query ${name} { __typename }`;
    const ask = async (name: string, i: number) => {
      const res = await postGraphQL(federation.url, query(name, i), i % 10 === 0 ? { id: randomUUID() } : {}, headers);
      expect(res.errors).toBeUndefined();
    };
    // One known and one made-up name first, so every series the test may touch exists.
    await ask('CaseworkerCaseload', 0);
    await ask('Warmup', 0);
    await ask('Warmup', 1);
    const before = { gateway: await metricsOf(federation.metricsUrl), citizens: await metricsOf(federation.subgraphs.citizens.metricsUrl) };
    await inBatches(500, 25, (i) => ask(`Probe${i}_${randomUUID().replace(/-/g, '')}`, i));
    const after = { gateway: await metricsOf(federation.metricsUrl), citizens: await metricsOf(federation.subgraphs.citizens.metricsUrl) };
    for (const service of ['gateway', 'citizens'] as const) {
      expect({ service, series: seriesOf(after[service]).length }).toEqual({ service, series: seriesOf(before[service]).length });
      expect(labelsOf(after[service])).toEqual(new Set(['CaseworkerCaseload', 'other']));
      expect(after[service]).not.toContain('Probe');
      const others = Number(
        new RegExp(`graphql_requests_total\\{operation="other",type="query",outcome="ok",service="${service}"\\} (\\d+)`).exec(
          after[service],
        )![1],
      );
      expect({ service, others }).toEqual({ service, others: service === 'gateway' ? 502 : 51 });
    }
  }, 180_000);

  it(`a subgraph asked directly (no label from the gateway) labels at most ${MAX_OPERATION_LABELS} names`, async () => {
    const { url, metricsUrl } = federation.subgraphs.citizens;
    const headers = await gatewayHeadersFor(lone);
    await inBatches(MAX_OPERATION_LABELS + 50, 25, (i) => postGraphQL(url, `query Direct${i} { __typename }`, {}, headers));
    const labels = labelsOf(await metricsOf(metricsUrl));
    expect(labels.size).toBeLessThanOrEqual(MAX_OPERATION_LABELS + 2);
    expect(labels.has('other')).toBe(true);
  });
});
