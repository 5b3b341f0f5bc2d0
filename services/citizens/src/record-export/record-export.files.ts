import { FileRoute, isUuid, notFound } from '@jobcenter/kit';
import type { CitizensLoaders } from '../loaders';
import { assertMayExport } from './record-export.resolver';
import { loadExport } from './record-export.store';

/**
 * The stored export's PDF and JSON (`/files/citizens/exports/<id>.pdf|json` at the gateway), for
 * the same people who may export the citizen's record, while it is kept (24 hours). The read is
 * logged by the kit before the file is sent.
 */
const exportFile = (ext: 'pdf' | 'json'): FileRoute<CitizensLoaders> => ({
  path: `/exports/:id.${ext}`,
  handler: async (ctx, { id }) => {
    const stored = isUuid(id) ? await loadExport(ctx.dataSource, id) : null;
    if (!stored) throw notFound('Record export', id);
    await assertMayExport(ctx, stored.citizenId);
    const day = stored.generatedAt.toISOString().slice(0, 10);
    return ext === 'pdf'
      ? { filename: `indsigt-${day}.pdf`, contentType: 'application/pdf', body: stored.pdf }
      : { filename: `indsigt-${day}.json`, contentType: 'application/json; charset=utf-8', body: Buffer.from(stored.json, 'utf8') };
  },
});

export const recordExportFiles: FileRoute<CitizensLoaders>[] = [exportFile('pdf'), exportFile('json')];
