import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { pageSize, RequestContext, subgraphClient } from '@jobcenter/kit';
import {
  AccessLogPosition,
  accessLogOf,
  AccessLogView,
  compareAccessLog,
  decodeAccessLogCursor,
  MAX_ACCESS_LOG_PAGE,
} from '@jobcenter/kit/audit-log';
import { CitizensLoaders } from '../loaders';
import { ACCESS_LOG_PEERS } from '../peers';
import { Citizen } from './citizen.entity';
import { PageInfo } from './citizen.inputs';

const ENTRIES = `query AccessLogEntries($citizenId: ID!, $first: Int, $after: String) { accessLogEntries(citizenId: $citizenId, first: $first, after: $after) {
  at domain kind operation outcome purpose reason actorRole actorId operationName cursor } }`;

@ObjectType({ description: "A page of the citizen's access log, newest first." })
export class AccessLogPage {
  @Field(() => [AccessLogView], { description: 'The entries of this page, newest first, across the four domains.' })
  nodes!: AccessLogView[];

  @Field(() => PageInfo, { description: 'Pass `endCursor` as `after` for the next (older) page.' })
  pageInfo!: PageInfo;
}

type Context = RequestContext<CitizensLoaders>;
type Entry = AccessLogView & AccessLogPosition;

/**
 * "Who has looked at my data": one list across the four domains, newest first, a page at a time.
 *
 * Why citizens gathers it: each subgraph logs in its own database (the entry is written in the
 * same place as the data it is about), but a citizen wants one list. Federation cannot merge one
 * field from four subgraphs, so the citizens subgraph, which owns Citizen, asks the others with
 * its SERVICE identity (`accessLogEntries`, hidden from the composed API) and merges by time.
 * A domain that cannot be reached makes the field fail rather than show a silently partial log.
 *
 * Paging: the log's order is (time, domain, position) newest first, and a cursor is the last
 * entry's key, so each domain can continue after an entry of any domain: every domain returns
 * its next `first + 1` entries after the cursor, the merge keeps the first `first`. However many
 * routine reads come later, an earlier CPR search stays reachable on a later page.
 */
async function accessLogPage(
  ctx: Context,
  citizen: Citizen,
  first: number,
  after: string | null | undefined,
): Promise<{ nodes: Entry[]; hasNextPage: boolean }> {
  const { actor } = ctx;
  const allowed =
    (actor.role === 'CITIZEN' && actor.id === citizen.id) ||
    (actor.role === 'TEAM_LEAD' && (await ctx.access.decide(citizen.id)) === 'ALLOW');
  if (!allowed) throw ctx.access.refuse(citizen.id, 'The access log is for the citizen and their team lead.');
  const cursor = after ? decodeAccessLogCursor(after) : null;
  const lists = await Promise.all([
    accessLogOf(ctx.dataSource, citizen.id, { first: first + 1, after: cursor }),
    ...ACCESS_LOG_PEERS.map(async (name) => {
      const data = await subgraphClient('citizens', name).query<{ accessLogEntries: (AccessLogView & { at: string })[] }>(
        ENTRIES,
        { citizenId: citizen.id, first: first + 1, after: after ?? null },
        ctx.requestId,
      );
      return data.accessLogEntries.map((e): Entry => ({ ...e, ...decodeAccessLogCursor(e.cursor), at: new Date(e.at) }));
    }),
  ]);
  const merged = lists.flat().sort(compareAccessLog);
  const nodes = merged.slice(0, first);
  // The citizen sees the role of whoever looked; the team lead also who it was, for review.
  return {
    nodes: actor.role === 'CITIZEN' ? nodes.map((e) => ({ ...e, actorId: null, operationName: null })) : nodes,
    hasNextPage: merged.length > first,
  };
}

@Resolver(() => Citizen)
export class CitizenAccessLogResolver {
  @FieldResolver(() => [AccessLogView], {
    description:
      "Who has looked at or changed the citizen's data (or tried and was refused), in all four domains, newest first: the newest `first` " +
      `(1–${MAX_ACCESS_LOG_PAGE}, default ${MAX_ACCESS_LOG_PAGE}) after the entry whose \`cursor\` is \`after\`. ` +
      'For the citizen themselves and their team lead. `accessLogPage` gives the same with `pageInfo`.',
  })
  async accessLog(
    @Root() citizen: Citizen,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: MAX_ACCESS_LOG_PAGE }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The `cursor` of the last entry already read.' }) after?: string | null,
  ): Promise<AccessLogView[]> {
    return (await accessLogPage(ctx, citizen, pageSize(first ?? MAX_ACCESS_LOG_PAGE, MAX_ACCESS_LOG_PAGE), after)).nodes;
  }

  @FieldResolver(() => AccessLogPage, {
    description:
      "The citizen's access log a page at a time, newest first, across the four domains (for the citizen and their team lead): " +
      '`first` 1–200 (default 50), `after` the previous page’s `pageInfo.endCursor`. Nothing can be buried: every entry is on some page.',
  })
  async accessLogPage(
    @Root() citizen: Citizen,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: '`pageInfo.endCursor` of the previous page.' }) after?: string | null,
  ): Promise<AccessLogPage> {
    const page = await accessLogPage(ctx, citizen, pageSize(first ?? 50), after);
    const last = page.nodes[page.nodes.length - 1];
    return { nodes: page.nodes, pageInfo: { endCursor: last?.cursor ?? null, hasNextPage: page.hasNextPage } };
  }
}
