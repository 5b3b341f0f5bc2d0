import { Arg, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { notFound, RequestContext } from '@jobcenter/kit';
import { renderPdf } from '@jobcenter/kit/pdf';
import { isUuid } from '@jobcenter/kit/ids';
import type { CitizensLoaders } from '../loaders';
import { Citizen } from '../citizen/citizen.entity';
import { recordPdfDocument, RecordDocument } from './record-export.document';
import { gatherRecord } from './record-export.gather';
import { storeExport } from './record-export.store';

type Context = RequestContext<CitizensLoaders>;

@ObjectType({
  description: "A citizen's whole record (GDPR Art. 15): everything every part of the jobcentre holds about them, with the access log.",
})
export class RecordExport {
  @Field({ description: 'When the export was generated.' })
  generatedAt!: Date;

  @Field({ description: "The whole record as one JSON document: each subgraph's part, section by section, with its access log entries." })
  json!: string;

  @Field({
    description: 'The same record as a readable PDF (Danish), at the workbench origin; the same people may fetch it, for 24 hours.',
  })
  pdfUrl!: string;

  @Field({ description: 'The JSON as a file to download, at the workbench origin; the same people may fetch it, for 24 hours.' })
  jsonUrl!: string;
}

/** The URLs of a stored export's files (served by record-export.files.ts, through the gateway's /files). */
export const exportUrl = (id: string, ext: 'pdf' | 'json') => `/files/citizens/exports/${id}.${ext}`;

/**
 * The citizen and the staff with access to them (their caseworkers and consultants, their team
 * lead; an emergency opening too, logged as such) may export; a citizen another citizen's record
 * is FORBIDDEN, as is everyone else (ctx.access, the one policy). The refusal is logged.
 */
export async function assertMayExport(ctx: Context, citizenId: string): Promise<void> {
  await ctx.access.assert(citizenId);
}

@Resolver()
export class RecordExportResolver {
  @Query(() => RecordExport, {
    description:
      "GDPR Art. 15: everything held about the citizen in every subgraph, with the access log, as JSON and as a PDF, in seconds. For the citizen themselves and for the staff with access answering their request; every subgraph logs its part's read.",
  })
  async recordExport(@Arg('citizenId', () => ID) citizenId: string, @Ctx() ctx: Context): Promise<RecordExport> {
    if (!isUuid(citizenId)) throw notFound('Citizen', citizenId);
    await assertMayExport(ctx, citizenId);
    const exists = await ctx.dataSource.getRepository(Citizen).exists({ where: { id: citizenId } });
    if (!exists) throw notFound('Citizen', citizenId);
    const generatedAt = new Date();
    const started = process.hrtime.bigint();
    const elapsed = () => Math.round(Number(process.hrtime.bigint() - started) / 1e6);
    const record: RecordDocument = {
      format: 'jobcenter-record-export/1',
      citizenId,
      generatedAt: generatedAt.toISOString(),
      generatedFor: { role: ctx.actor.role },
      parts: await gatherRecord(ctx, citizenId, ctx.actor),
    };
    const gathered = elapsed();
    const json = JSON.stringify(record, null, 2);
    // The PDF is made from the JSON itself: it shows exactly what the JSON says.
    const pdf = await renderPdf(recordPdfDocument(JSON.parse(json) as RecordDocument));
    const stored = await storeExport(ctx.dataSource, { citizenId, requestedBy: ctx.actor, generatedAt, json, pdf });
    ctx.logger.info(
      { export: stored.id, bytes: { json: json.length, pdf: pdf.length }, ms: { gathered, total: elapsed() } },
      'record export generated',
    );
    return { generatedAt, json, pdfUrl: exportUrl(stored.id, 'pdf'), jsonUrl: exportUrl(stored.id, 'json') };
  }
}
