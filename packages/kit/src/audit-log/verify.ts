import type { DataSource } from 'typeorm';
import { AccessLogRow, accessLogHash, GENESIS_HASH } from './chain';
import { rawPool } from '../housekeeping';

/** Where a stream does not verify. */
export interface BrokenChain {
  streamId: string;
  /** The position of the entry where the break shows (the first one after a gap). */
  position: string;
  seq: string;
  citizenId: string;
  problem: string;
}

/** Rows are read in pages, so a log of any size verifies in bounded memory. */
const PAGE = 5000;

/**
 * Walks every stream by position and recomputes its chain: positions follow one another,
 * each entry's prev_hash is the previous entry's hash, and its hash matches its content. A
 * stream whose oldest entries retention removed starts at its first remaining entry; one that
 * still starts at position 1 must start from the genesis hash.
 *
 * What this cannot detect: removal of a stream's newest entries (its tail), or of a whole
 * stream, since nothing after them points back (removing its oldest entries looks like
 * retention). While the writing process runs it would notice at its next INSERT (it links to
 * the head it keeps in memory, so a gap appears); after it stopped, nothing does. Anchoring the
 * heads outside the database would: e.g. the writer publishing (stream, position, hash) every
 * few minutes to write-once storage or a signed timestamp (RFC 3161), and this check comparing.
 * Nor can an unkeyed hash stop someone with INSERT from appending well-formed false entries.
 */
export async function verifyAccessLog(dataSource: DataSource): Promise<{ entries: number; streams: number; broken: BrokenChain[] }> {
  const pool = rawPool(dataSource);
  const broken: BrokenChain[] = [];
  let entries = 0;
  let streams = 0;
  let previous: { streamId: string; pos: bigint; hash: string } | null = null;
  let after: [string, string] | null = null;
  for (;;) {
    const { rows } = await pool.query(
      `SELECT seq::text, stream_id, stream_pos::text AS pos, at, actor_id, actor_role, citizen_id, domain, kind, operation, purpose, reason,
              operation_name, request_id, searched_cpr, prev_hash, hash
         FROM kit_access_log
        ${after ? 'WHERE (stream_id, stream_pos) > ($2, $3::bigint)' : ''}
        ORDER BY kit_access_log.stream_id, kit_access_log.stream_pos LIMIT $1`,
      after ? [PAGE, ...after] : [PAGE],
    );
    for (const r of rows) {
      const row: AccessLogRow = {
        at: r.at,
        actorId: r.actor_id,
        actorRole: r.actor_role,
        citizenId: r.citizen_id,
        domain: r.domain,
        kind: r.kind,
        operation: r.operation,
        purpose: r.purpose,
        reason: r.reason,
        operationName: r.operation_name,
        requestId: r.request_id,
        searchedCpr: r.searched_cpr,
      };
      const pos = BigInt(r.pos);
      const at = { streamId: r.stream_id, position: r.pos, seq: r.seq, citizenId: r.citizen_id };
      if (previous === null || previous.streamId !== r.stream_id) {
        streams += 1;
        if (pos === 1n && r.prev_hash !== GENESIS_HASH)
          broken.push({ ...at, problem: 'the first entry does not start from the genesis hash' });
      } else {
        if (pos !== previous.pos + 1n) {
          const missing = pos - 1n === previous.pos + 1n ? `entry ${previous.pos + 1n} is` : `entries ${previous.pos + 1n}–${pos - 1n} are`;
          broken.push({ ...at, problem: `${missing} missing` });
        }
        if (r.prev_hash !== previous.hash) broken.push({ ...at, problem: 'does not follow the previous entry' });
      }
      if (accessLogHash(r.prev_hash, row) !== r.hash) broken.push({ ...at, problem: 'content does not match its hash' });
      previous = { streamId: r.stream_id, pos, hash: r.hash };
    }
    entries += rows.length;
    if (rows.length < PAGE) break;
    after = [previous!.streamId, String(previous!.pos)];
  }
  return { entries, streams, broken };
}
