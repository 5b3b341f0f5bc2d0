import { Actor, readRecordPart, logRecordRead, RecordPart, RequestContext, subgraphClient } from '@jobcenter/kit';
import { CITIZENS_ACCESS_KIND, citizensRecord } from './citizens.record';
import { RECORD_PEERS } from '../peers';

const RECORD_PART = `query RecordPart($citizenId: ID!, $actorRole: String!, $actorId: String!) {
  recordPart(citizenId: $citizenId, actorRole: $actorRole, actorId: $actorId) }`;

/**
 * Every subgraph's part of the citizen's record: citizens' own, read here, and each peer's
 * through its hidden `recordPart` (SERVICE identity, the person named so that each logs its read
 * under them). All at once; a subgraph that cannot answer fails the export: an export that
 * silently lacks a part would tell the citizen less than we hold.
 */
export async function gatherRecord(ctx: RequestContext<unknown>, citizenId: string, actor: Actor): Promise<RecordPart[]> {
  const person = { id: actor.id, role: actor.role as Exclude<Actor['role'], 'SERVICE'> };
  return Promise.all([
    (async () => {
      const part = await readRecordPart(ctx.dataSource, 'citizens', citizensRecord, citizenId);
      await logRecordRead(ctx.dataSource, {
        service: 'citizens',
        kind: CITIZENS_ACCESS_KIND,
        citizenId,
        actor: person,
        requestId: ctx.requestId,
      });
      return part;
    })(),
    ...RECORD_PEERS.map(async (name) => {
      const data = await subgraphClient('citizens', name).query<{ recordPart: string }>(
        RECORD_PART,
        { citizenId, actorRole: actor.role, actorId: actor.id },
        ctx.requestId,
      );
      return JSON.parse(data.recordPart) as RecordPart;
    }),
  ]);
}
