import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { cprCipher, rawPool } from '@jobcenter/kit';
import { RecordExportRow } from './record-export.entity';

/** How long a generated export is kept for its links: a day, then it is deleted (housekeeping). */
export const RECORD_EXPORT_HOURS = 24;
/** How often the housekeeping deletes expired exports. */
export const RECORD_EXPORT_PURGE_MS = 15 * 60_000;

const sealContext = (id: string, what: 'json' | 'pdf') => `record_export.${what}:${id}`;

export interface StoredExport {
  id: string;
  citizenId: string;
  generatedAt: Date;
  json: string;
  pdf: Buffer;
}

/** Keeps a generated export, sealed, until RECORD_EXPORT_HOURS from its generation. */
export async function storeExport(
  dataSource: DataSource,
  entry: { citizenId: string; requestedBy: { id: string; role: string }; generatedAt: Date; json: string; pdf: Buffer },
): Promise<StoredExport> {
  const id = randomUUID();
  const cipher = cprCipher();
  await dataSource.getRepository(RecordExportRow).insert({
    id,
    citizenId: entry.citizenId,
    requestedById: entry.requestedBy.id.slice(0, 80),
    requestedByRole: entry.requestedBy.role,
    generatedAt: entry.generatedAt,
    expiresAt: new Date(entry.generatedAt.getTime() + RECORD_EXPORT_HOURS * 3_600_000),
    jsonSealed: cipher.encrypt(entry.json, sealContext(id, 'json')),
    pdfSealed: cipher.encrypt(entry.pdf.toString('base64'), sealContext(id, 'pdf')),
  });
  return { id, citizenId: entry.citizenId, generatedAt: entry.generatedAt, json: entry.json, pdf: entry.pdf };
}

/** An export that has not expired, unsealed; null when there is none (never made, or deleted). */
export async function loadExport(dataSource: DataSource, id: string): Promise<StoredExport | null> {
  const row = await dataSource
    .getRepository(RecordExportRow)
    .createQueryBuilder('e')
    .where('e.id = :id AND e.expires_at > now()', { id })
    .getOne();
  if (!row) return null;
  const cipher = cprCipher();
  return {
    id: row.id,
    citizenId: row.citizenId,
    generatedAt: row.generatedAt,
    json: cipher.decrypt(row.jsonSealed, sealContext(row.id, 'json')),
    pdf: Buffer.from(cipher.decrypt(row.pdfSealed, sealContext(row.id, 'pdf')), 'base64'),
  };
}

/** Deletes the expired exports (the service's housekeeping, every RECORD_EXPORT_PURGE_MS). */
export async function purgeExpiredExports(dataSource: DataSource): Promise<number> {
  // On the raw pool, like the kit's housekeeping: not counted with a request's own statements.
  const result = await rawPool(dataSource).query(`DELETE FROM record_export WHERE expires_at <= now()`);
  return result.rowCount ?? 0;
}
