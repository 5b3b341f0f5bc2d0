import { createHash } from 'node:crypto';
import { cprCipher } from '../crypto/field-cipher';

/**
 * The access log's hash chains. Entries form streams (`stream_id`, positions 1, 2, 3, … in
 * `stream_pos`); each entry carries the SHA-256 of its content and of the previous entry of its
 * stream, so a changed, removed or inserted entry breaks the chain. Two kinds of stream:
 * - `p:<uuid>`: the read entries one process wrote (access-log.writer.ts), a new one per start;
 * - `c:<citizen id>`: a citizen's changes, written inside the change's own transaction (and the
 *   per-citizen chains of before streams existed, which the migration turned into these).
 */

export const GENESIS_HASH = '0'.repeat(64);

export interface AccessLogRow {
  at: Date;
  actorId: string;
  actorRole: string;
  citizenId: string;
  domain: string;
  kind: string;
  /** As stored: a refused look-up or change is `READ_REFUSED` / `CHANGE_REFUSED` (see `accessLogOperation`). */
  operation: 'READ' | 'SEARCH' | 'CHANGE' | 'READ_REFUSED' | 'CHANGE_REFUSED';
  purpose: string;
  reason: string | null;
  operationName: string | null;
  requestId: string;
  /** As stored: encrypted (`cprCipher()`, context `access_log.searched_cpr`); never the plain number. */
  searchedCpr: string | null;
}

/**
 * A refused look-up or change (FORBIDDEN, or a citizen's try at another citizen's data) is stored
 * with the operation `READ_REFUSED` or `CHANGE_REFUSED`: no new column, so the table, its owner
 * role and the hash content of every existing entry stay as they were. The API shows the stored
 * value as an operation (READ, SEARCH, CHANGE) and an outcome (ALLOWED, REFUSED).
 */
export function accessLogOperation(stored: string): { operation: string; outcome: 'ALLOWED' | 'REFUSED' } {
  return stored.endsWith('_REFUSED')
    ? { operation: stored.slice(0, -'_REFUSED'.length), outcome: 'REFUSED' }
    : { operation: stored, outcome: 'ALLOWED' };
}

/** The context a searched CPR number is encrypted under (bound as additional authenticated data). */
export const SEARCHED_CPR_CONTEXT = 'access_log.searched_cpr';

/**
 * SHA-256 over the previous entry's hash and this entry's content, in a fixed order. The same
 * content as before streams existed, so old entries still verify; it covers the stored
 * (encrypted) searched CPR, so verifying needs no key. Stream and position are not in it: the
 * link to the previous hash already fixes an entry's place in its stream.
 */
export function accessLogHash(prevHash: string, row: AccessLogRow): string {
  const content = [
    prevHash,
    row.at.toISOString(),
    row.actorId,
    row.actorRole,
    row.citizenId,
    row.domain,
    row.kind,
    row.operation,
    row.purpose,
    row.reason,
    row.operationName,
    row.requestId,
    row.searchedCpr,
  ];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/** True for a value in the field cipher's stored form (`v1.<key id>.<iv>.<data>.<tag>`). */
export function isEncryptedField(value: string): boolean {
  return /^v1\.[A-Za-z0-9_-]{1,32}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/.test(value);
}

/** The searched CPR number as it is stored: encrypted (a value already encrypted is kept). */
export function storedSearchedCpr(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return isEncryptedField(value) ? value : cprCipher().encrypt(value, SEARCHED_CPR_CONTEXT);
}

/** A stream's last entry: its position (0 for an empty stream) and hash (null: start from genesis). */
export interface StreamHead {
  pos: number;
  hash: string | null;
}

export interface ChainedRow {
  row: AccessLogRow;
  streamId: string;
  pos: number;
  prevHash: string;
  hash: string;
}

/**
 * Links rows onto their streams' heads, in order, and moves the heads in `heads` (the caller
 * keeps them only once the rows are stored).
 */
export function chainRows(rows: AccessLogRow[], streamOf: (row: AccessLogRow) => string, heads: Map<string, StreamHead>): ChainedRow[] {
  return rows.map((input) => {
    const row = { ...input, searchedCpr: storedSearchedCpr(input.searchedCpr) };
    const streamId = streamOf(row);
    const head = heads.get(streamId) ?? { pos: 0, hash: null };
    const prevHash = head.hash ?? GENESIS_HASH;
    const hash = accessLogHash(prevHash, row);
    heads.set(streamId, { pos: head.pos + 1, hash });
    return { row, streamId, pos: head.pos + 1, prevHash, hash };
  });
}

type Query = (sql: string, params?: unknown[]) => Promise<any[]>;

/**
 * Inserts any number of chained rows in one statement: one array parameter per column, so the
 * statement text and its parameter count are the same whatever the batch size.
 */
export async function insertChained(query: Query, chained: ChainedRow[]): Promise<void> {
  if (chained.length === 0) return;
  const column = <T>(pick: (c: ChainedRow) => T) => chained.map(pick);
  await query(
    `INSERT INTO kit_access_log (at, actor_id, actor_role, citizen_id, domain, kind, operation, purpose, reason, operation_name, request_id, searched_cpr, prev_hash, hash, stream_id, stream_pos)
     SELECT * FROM unnest($1::timestamptz[], $2::varchar[], $3::varchar[], $4::uuid[], $5::varchar[], $6::varchar[], $7::varchar[], $8::varchar[],
                          $9::varchar[], $10::varchar[], $11::varchar[], $12::varchar[], $13::char(64)[], $14::char(64)[], $15::varchar[], $16::bigint[])`,
    [
      column((c) => c.row.at.toISOString()),
      column((c) => c.row.actorId),
      column((c) => c.row.actorRole),
      column((c) => c.row.citizenId),
      column((c) => c.row.domain),
      column((c) => c.row.kind),
      column((c) => c.row.operation),
      column((c) => c.row.purpose),
      column((c) => c.row.reason),
      column((c) => c.row.operationName),
      column((c) => c.row.requestId),
      column((c) => c.row.searchedCpr),
      column((c) => c.prevHash),
      column((c) => c.hash),
      column((c) => c.streamId),
      column((c) => String(c.pos)),
    ],
  );
}

/** The heads of these streams, one index probe each (streams without entries are absent). */
export async function readHeads(query: Query, streamIds: string[]): Promise<Map<string, StreamHead>> {
  const rows = await query(
    `SELECT s.id AS stream_id, h.pos, h.hash
       FROM unnest($1::varchar[]) AS s(id)
       JOIN LATERAL (SELECT stream_pos::text AS pos, hash FROM kit_access_log WHERE stream_id = s.id ORDER BY stream_pos DESC LIMIT 1) h ON true`,
    [streamIds],
  );
  return new Map(rows.map((r: { stream_id: string; pos: string; hash: string }) => [r.stream_id, { pos: Number(r.pos), hash: r.hash }]));
}
