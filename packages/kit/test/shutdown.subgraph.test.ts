import { startTestSubgraph } from '../src/testing';
import { slowSubgraph } from './fixtures/slow-subgraph';

describe('graceful shutdown', () => {
  it('lets a request in flight finish, then refuses new connections', async () => {
    const subgraph = await startTestSubgraph(slowSubgraph);
    const actor = { id: 'x', role: 'CASEWORKER' as const, name: 'X', team: 'T' };
    const inFlight = subgraph.as(actor, '{ slow(ms: 600) }');
    await new Promise((resolve) => setTimeout(resolve, 150));
    const stopping = subgraph.stop();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.data).toEqual({ slow: 'done' });
    await stopping;
    await expect(subgraph.as(actor, '{ slow(ms: 1) }')).rejects.toThrow();
  });
});
