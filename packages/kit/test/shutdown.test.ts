import 'reflect-metadata';
import { Arg, Int, Query, Resolver } from 'type-graphql';
import { SubgraphDefinition } from '../src/subgraph';
import { startTestSubgraph } from '../src/testing';

@Resolver()
class SlowResolver {
  @Query(() => String, { description: 'Answers after `ms` milliseconds.' })
  async slow(@Arg('ms', () => Int) ms: number): Promise<string> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return 'done';
  }
}

const slowSubgraph: SubgraphDefinition<Record<string, never>> = {
  name: 'slow',
  defaultPort: 0,
  resolvers: [SlowResolver],
  entities: [],
  migrations: [],
  createLoaders: () => ({}),
};

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
