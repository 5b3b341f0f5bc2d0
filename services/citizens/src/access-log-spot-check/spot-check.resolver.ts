import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { badUserInput, forbidden, RequestContext, subgraphClient } from '@jobcenter/kit';
import { AccessLogSample, accessLogRows, appendAccessLog, MAX_ACCESS_LOG_SAMPLE, sampleAccessLog } from '@jobcenter/kit/audit-log';
import { Citizen } from '../citizen/citizen.entity';
import { CitizensLoaders } from '../loaders';
import { ACCESS_LOG_PEERS } from '../peers';
import { allocateSample } from './spot-check.allocation';
import { teamCitizenIds } from './spot-check.queries';
import { AccessLogSpotCheck, AccessLogSpotCheckEntry } from './spot-check.types';

type Context = RequestContext<CitizensLoaders>;

const SAMPLE = `query AccessLogSample($citizenIds: [ID!]!, $since: DateTime!, $until: DateTime!, $size: Int!) {
  accessLogSample(citizenIds: $citizenIds, since: $since, until: $until, size: $size) {
    count entries { at domain kind operation outcome purpose reason actorId actorRole operationName requestId citizenId } } }`;

const DAY_MS = 86_400_000;
const MAX_DAYS = 365;

/**
 * "Logs nobody reads stop no one": a team lead draws a random sample of recent look-ups of the
 * team's citizens, in all four domains, to review.
 *
 * Each domain logs in its own database, so each is asked (with this service's SERVICE
 * identity) for its count in the window and a uniform sample of up to `size`; here the sample
 * is split between the domains by a hypergeometric draw over their counts, so the union is a
 * uniform sample of all look-ups together (a domain with more look-ups gets proportionally
 * more). One round trip per domain, in parallel. A domain that cannot be reached fails the
 * whole check rather than give a silently skewed sample.
 */
@Resolver(() => AccessLogSpotCheckEntry)
export class AccessLogSpotCheckResolver {
  @Query(() => AccessLogSpotCheck, {
    description:
      "A random sample of recent look-ups of the team's citizens in all four domains, for review (stikprøvekontrol); team leads only. " +
      `size: 1–${MAX_ACCESS_LOG_SAMPLE} look-ups (default 20); days: the last 1–${MAX_DAYS} days (default 30). Reading the sample is ` +
      'itself logged, for each citizen in it.',
  })
  async accessLogSpotCheck(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('size', () => Int, { nullable: true, defaultValue: 20, description: `How many look-ups to draw (1–${MAX_ACCESS_LOG_SAMPLE}).` })
    size?: number | null,
    @Arg('days', () => Int, { nullable: true, defaultValue: 30, description: `How many days back (1–${MAX_DAYS}).` })
    days?: number | null,
  ): Promise<AccessLogSpotCheck> {
    const { actor } = ctx;
    if (actor.role !== 'TEAM_LEAD') throw forbidden("Spot checks of the access log are for the team lead, of the team's own citizens.");
    const n = size ?? 20;
    const window = days ?? 30;
    if (n < 1 || n > MAX_ACCESS_LOG_SAMPLE) throw badUserInput(`size: draw between 1 and ${MAX_ACCESS_LOG_SAMPLE} look-ups.`, 'size');
    if (window < 1 || window > MAX_DAYS) throw badUserInput(`days: look back between 1 and ${MAX_DAYS} days.`, 'days');

    const until = new Date();
    const since = new Date(until.getTime() - window * DAY_MS);
    const citizenIds = actor.team ? await teamCitizenIds(ctx.dataSource, actor.team) : [];
    const domains = ['citizens', ...ACCESS_LOG_PEERS];
    const samples: AccessLogSample[] =
      citizenIds.length === 0
        ? domains.map(() => ({ count: 0, entries: [] }))
        : await Promise.all([
            sampleAccessLog(ctx.dataSource, { citizenIds, since, until, size: n }),
            ...ACCESS_LOG_PEERS.map(async (name) => {
              const data = await subgraphClient('citizens', name).query<{ accessLogSample: AccessLogSample }>(
                SAMPLE,
                { citizenIds, since: since.toISOString(), until: until.toISOString(), size: n },
                ctx.requestId,
              );
              return { ...data.accessLogSample, entries: data.accessLogSample.entries.map((e) => ({ ...e, at: new Date(e.at) })) };
            }),
          ]);

    const drawn = allocateSample(
      samples.map((s) => s.count),
      n,
    );
    // Each domain's sample is in random order, so its first k are a uniform sample of k.
    const entries = samples
      .flatMap((s, i) => s.entries.slice(0, drawn[i]))
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .map((e) => Object.assign(new AccessLogSpotCheckEntry(), e));

    // Reading the sample is reading personal data about these citizens: logged before it leaves.
    const sampled = [...new Set(entries.map((e) => e.citizenId))];
    await appendAccessLog(
      ctx.dataSource,
      accessLogRows(
        sampled.map((citizenId) => ({ citizenId, kind: 'access log', purpose: 'CASE_WORK' as const })),
        { actor, requestId: ctx.requestId, operationName: info.operation.name?.value ?? null, domain: 'citizens', change: false },
      ),
    );
    return {
      from: since,
      to: until,
      lookUps: samples.reduce((sum, s) => sum + s.count, 0),
      byDomain: domains.map((domain, i) => ({ domain, lookUps: samples[i].count, drawn: drawn[i] })),
      entries,
    };
  }

  @FieldResolver(() => Citizen, { description: 'Whose data it was.' })
  async citizen(@Root() entry: AccessLogSpotCheckEntry, @Ctx() ctx: Context): Promise<Citizen> {
    const citizen = await ctx.loaders.citizenById.load(entry.citizenId);
    if (!citizen) throw new Error(`citizen ${entry.citizenId} of an access log entry is not registered`);
    return citizen;
  }
}
