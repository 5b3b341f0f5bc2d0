import type { DataSource } from 'typeorm';
import type { RecordRead } from '../record/resolver';
import { accessLogRows, appendAccessLog } from './append';

/** The access log's kind for an export's read of a service's data: "record export: <what it holds>". */
export const recordExportKind = (kind: string | undefined) => `record export (GDPR art. 15): ${kind ?? 'personal data'}`.slice(0, 200);

/**
 * Logs that a service's part of a citizen's record was read for an export made for `actor`
 * (the citizen, or the staff member answering their request): one entry in this service's
 * access log, purpose as the actor's (OWN_ACCESS or CASE_WORK), kind "record export …".
 */
export async function logRecordRead(dataSource: DataSource, read: RecordRead): Promise<void> {
  await appendAccessLog(
    dataSource,
    accessLogRows(
      [
        {
          citizenId: read.citizenId,
          kind: recordExportKind(read.kind),
          purpose: read.actor.role === 'CITIZEN' ? 'OWN_ACCESS' : 'CASE_WORK',
        },
      ],
      {
        actor: { ...read.actor, name: '' },
        requestId: read.requestId,
        operationName: 'RecordExport',
        domain: read.service,
        change: false,
      },
    ),
  );
}
