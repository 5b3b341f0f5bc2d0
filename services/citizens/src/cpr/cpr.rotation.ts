import { DataSource } from 'typeorm';
import { cprCipher } from '@jobcenter/kit';
import { CPR_CONTEXT } from './cpr.storage';

export interface CprRotationReport {
  /** Stored values per key id before the run. */
  before: Record<string, number>;
  /** Re-encrypted under the active key. */
  rotated: number;
  /** Could not be decrypted (key not configured, or the value was changed): left as they were. */
  unreadable: string[];
  activeKeyId: string;
}

/**
 * Re-encrypts every citizen's CPR number that is not under the active key, `batchSize` rows per
 * transaction, so a long run holds no lock for long and can be stopped and run again: rows
 * already under the active key are never touched, which makes it idempotent. The blind index
 * does not change (its key does not rotate), and neither do `version` or `updated_at`: the
 * citizen's data is the same.
 */
export async function rotateCprKeys(dataSource: DataSource, batchSize = 500): Promise<CprRotationReport> {
  const cipher = cprCipher();
  const activeKeyId = cipher.activeKeyId;
  // The key id is the stored value's second dot-separated part (`v1.<keyId>.…`, see field-cipher.ts).
  const counted: { key: string; count: string }[] = await dataSource.query(
    `SELECT split_part(cpr_encrypted, '.', 2) AS key, count(*) AS count FROM citizen GROUP BY 1 ORDER BY 1`,
  );
  const before = Object.fromEntries(counted.map((r) => [r.key, Number(r.count)]));
  const report: CprRotationReport = { before, rotated: 0, unreadable: [], activeKeyId };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const last = await dataSource.transaction(async (tx) => {
      const rows: { id: string; cpr_encrypted: string }[] = await tx.query(
        `SELECT id, cpr_encrypted FROM citizen
          WHERE id > $1 AND split_part(cpr_encrypted, '.', 2) <> $2
          ORDER BY id LIMIT $3 FOR UPDATE`,
        [after, activeKeyId, batchSize],
      );
      const ids: string[] = [];
      const values: string[] = [];
      for (const row of rows) {
        let digits: string;
        try {
          digits = cipher.decrypt(row.cpr_encrypted, CPR_CONTEXT);
        } catch {
          report.unreadable.push(row.id);
          continue;
        }
        ids.push(row.id);
        values.push(cipher.encrypt(digits, CPR_CONTEXT));
      }
      if (ids.length > 0) {
        await tx.query(
          `UPDATE citizen AS c SET cpr_encrypted = v.encrypted
             FROM unnest($1::uuid[], $2::text[]) AS v(id, encrypted) WHERE c.id = v.id`,
          [ids, values],
        );
        report.rotated += ids.length;
      }
      return rows.length > 0 ? rows[rows.length - 1].id : null;
    });
    if (!last) return report;
    after = last;
  }
}
