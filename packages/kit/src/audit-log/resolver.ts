import { Arg, Ctx, Directive, ID, Int, Query, Resolver } from 'type-graphql';
import type { DataSource } from 'typeorm';
import type { RequestContext } from '../context';
import { badUserInput, forbidden } from '../errors';
import { isUuid } from '../ids';
import { DateTimeScalar } from '../scalars';
import { AccessLogSample, MAX_ACCESS_LOG_SAMPLE, sampleAccessLog } from './sample';
import { AccessLogPosition, accessLogViewOf, decodeAccessLogCursor } from './rows';
import { AccessLogView } from './view';

/** The largest page of a citizen's log one service returns. */
export const MAX_ACCESS_LOG_PAGE = 1000;

/**
 * This service's entries about a citizen, newest first, `first` of them after the cursor (which
 * may come from any domain: the log's order is at, then domain, then seq, so each domain can
 * continue a page merged from all four). Old and new pages never overlap or skip, however many
 * routine reads come in between.
 */
export async function accessLogOf(
  dataSource: DataSource,
  citizenId: string,
  page: { first?: number; after?: AccessLogPosition | null } = {},
): Promise<(AccessLogView & AccessLogPosition)[]> {
  if (!isUuid(citizenId)) return [];
  const first = Math.max(1, Math.min(MAX_ACCESS_LOG_PAGE + 1, Math.floor(page.first ?? MAX_ACCESS_LOG_PAGE)));
  const after = page.after ?? null;
  const rows: Record<string, any>[] = await dataSource.query(
    `SELECT seq::text, at, domain, kind, operation, purpose, reason, actor_role, actor_id, operation_name
       FROM kit_access_log
      WHERE citizen_id = $1
        ${after ? 'AND (at < $3 OR (at = $3 AND (domain > $4 OR (domain = $4 AND seq < $5::bigint))))' : ''}
      ORDER BY at DESC, domain ASC, kit_access_log.seq DESC LIMIT $2`,
    after ? [citizenId, first, after.at, after.domain, after.seq] : [citizenId, first],
  );
  return rows.map((r) => ({ ...accessLogViewOf(r), seq: r.seq }));
}

/**
 * Lets the citizens service gather a citizen's entries from this service for `Citizen.accessLog`
 * (one list across the four domains). Services only, and hidden from the composed API.
 * No API anywhere changes or deletes entries.
 */
@Resolver()
export class AccessLogResolver {
  @Directive('@inaccessible')
  @Directive('@shareable')
  @Query(() => [AccessLogView], {
    description: "This service's access log entries about a citizen, newest first, `first` after the cursor `after` (services only).",
  })
  async accessLogEntries(
    @Arg('citizenId', () => ID) citizenId: string,
    @Ctx() ctx: RequestContext<unknown>,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<AccessLogView[]> {
    if (ctx.actor.role !== 'SERVICE') throw forbidden('The access log is read through Citizen.accessLog.');
    return accessLogOf(ctx.dataSource, citizenId, { first: first ?? undefined, after: after ? decodeAccessLogCursor(after) : null });
  }

  /** This service's part of a team lead's spot check (Query.accessLogSpotCheck in citizens). */
  @Directive('@inaccessible')
  @Directive('@shareable')
  @Query(() => AccessLogSample, {
    description:
      'How many look-ups of these citizens this service logged in [since, until), and a uniformly random sample of `size` (services only).',
  })
  async accessLogSample(
    @Arg('citizenIds', () => [ID]) citizenIds: string[],
    @Arg('since', () => DateTimeScalar) since: Date,
    @Arg('until', () => DateTimeScalar) until: Date,
    @Arg('size', () => Int) size: number,
    @Ctx() ctx: RequestContext<unknown>,
  ): Promise<AccessLogSample> {
    if (ctx.actor.role !== 'SERVICE') throw forbidden('Spot checks are drawn through accessLogSpotCheck.');
    if (size < 1 || size > MAX_ACCESS_LOG_SAMPLE) throw badUserInput(`size: between 1 and ${MAX_ACCESS_LOG_SAMPLE}.`, 'size');
    return sampleAccessLog(ctx.dataSource, { citizenIds, since, until, size });
  }
}
