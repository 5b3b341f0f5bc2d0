import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { accessLogOf, AccessLogView, forbidden, RequestContext, subgraphClient } from '@jobcenter/kit';
import { CitizensLoaders } from '../loaders';
import { ACCESS_LOG_PEERS } from '../peers';
import { Citizen } from './citizen.entity';

const ENTRIES = `query AccessLogEntries($citizenId: ID!) { accessLogEntries(citizenId: $citizenId) {
  at domain kind operation purpose reason actorRole actorId operationName } }`;

/**
 * "Who has looked at my data": one list across the four domains, newest first.
 *
 * Why citizens gathers it: each subgraph logs in its own database (the entry is written in the
 * same place as the data it is about), but a citizen wants one list. Federation cannot merge one
 * field from four subgraphs, so the citizens subgraph, which owns Citizen, asks the others with
 * its SERVICE identity (`accessLogEntries`, hidden from the composed API) and merges by time.
 * A domain that cannot be reached makes the field fail rather than show a silently partial log.
 */
@Resolver(() => Citizen)
export class CitizenAccessLogResolver {
  @FieldResolver(() => [AccessLogView], {
    description:
      "Who has looked at or changed the citizen's data, in all four domains, newest first. For the citizen themselves and their team lead.",
  })
  async accessLog(@Root() citizen: Citizen, @Ctx() ctx: RequestContext<CitizensLoaders>): Promise<AccessLogView[]> {
    const { actor } = ctx;
    const allowed =
      (actor.role === 'CITIZEN' && actor.id === citizen.id) ||
      (actor.role === 'TEAM_LEAD' && (await ctx.loaders.access.decide(citizen.id)) === 'ALLOW');
    if (!allowed) throw forbidden("The access log is for the citizen and their team lead.");
    const lists = await Promise.all([
      accessLogOf(ctx.dataSource, citizen.id),
      ...ACCESS_LOG_PEERS.map(async (name) => {
        const data = await subgraphClient('citizens', name).query<{ accessLogEntries: (AccessLogView & { at: string })[] }>(
          ENTRIES,
          { citizenId: citizen.id },
          ctx.requestId,
        );
        return data.accessLogEntries.map((e) => ({ ...e, at: new Date(e.at) }));
      }),
    ]);
    const merged = lists.flat().sort((a, b) => b.at.getTime() - a.at.getTime());
    // The citizen sees the role of whoever looked; the team lead also who it was, for review.
    return actor.role === 'CITIZEN' ? merged.map((e) => ({ ...e, actorId: null, operationName: null })) : merged;
  }
}
