import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import type { DataSource } from 'typeorm';
import type { RequestContext } from '../context';
import { badUserInput, forbidden } from '../errors';
import { isUuid } from '../ids';
import { ActorRole, isActorRole, SERVICE_ROLE } from '../identity';
import type { RecordDeclaration } from './declaration';
import { readRecordPart } from './part';

/** The access log's kind for an export's read of a service's data: "record export (GDPR art. 15): <what it holds>". */
export const recordExportKind = (kind: string | undefined) => `record export (GDPR art. 15): ${kind ?? 'personal data'}`.slice(0, 200);

/** One read of a subgraph's part for an export, as the access log records it. */
export interface RecordRead {
  service: string;
  kind?: string;
  citizenId: string;
  /** The person the export is for (not the calling service). */
  actor: { id: string; role: ActorRole };
  requestId: string;
}

/** Writes the access log entry of a record read (the audit log's `logReadFor`, plugged on by the runner: subgraph.ts). */
export type RecordReadLogger = (dataSource: DataSource, read: RecordRead) => Promise<void>;

/**
 * The hidden `recordPart` query a subgraph gets from its record declaration: the citizens
 * subgraph gathers the whole record with it (docs/record-export.md). Services only; the human
 * the export is for is named by `actorRole`/`actorId` (checked by citizens before it asks), and
 * this subgraph logs the read under them in its own access log before answering.
 */
export function recordPartResolver(service: string, declaration: RecordDeclaration, logRead: RecordReadLogger, kind?: string): Function {
  @Resolver()
  class RecordPartResolver {
    @Directive('@inaccessible')
    @Directive('@shareable')
    @Query(() => String, {
      description:
        "This service's part of a citizen's whole record as JSON ({ service, sections: [{ name, title, columns, rows }] }), for Query.recordExport (services only).",
    })
    async recordPart(
      @Arg('citizenId', () => ID) citizenId: string,
      @Arg('actorRole', () => String, { description: 'The role of the person the export is made for.' }) actorRole: string,
      @Arg('actorId', () => String, { description: 'The id of the person the export is made for.' }) actorId: string,
      @Ctx() ctx: RequestContext<unknown>,
    ): Promise<string> {
      if (ctx.actor.role !== SERVICE_ROLE) throw forbidden("A citizen's record is exported through recordExport.");
      if (!isUuid(citizenId)) throw badUserInput('citizenId must be an id.', 'citizenId');
      if (!isActorRole(actorRole)) throw badUserInput('actorRole must be a person’s role.', 'actorRole');
      const part = await readRecordPart(ctx.dataSource, service, declaration, citizenId);
      // On the log before the part leaves, under the person it is for (not the calling service).
      await logRead(ctx.dataSource, { service, kind, citizenId, actor: { id: actorId, role: actorRole }, requestId: ctx.requestId });
      return JSON.stringify(part);
    }
  }
  return RecordPartResolver;
}
