import { recordKey } from '@jobcenter/kit';
import type { FactHandler } from './fact.types';
import { optional, text, updateColumn, upsertRows } from './fact-sql';

/** A placement's status after each event that carries the whole placement. */
const STATUS_AFTER: Record<string, string> = {
  'placement.proposed': 'PROPOSED',
  'placement.agreed': 'AGREED',
  'placement.started': 'ACTIVE',
  'placement.cancelled': 'CANCELLED',
  'placement.completed': 'COMPLETED',
};

interface PlacementRow {
  pid: string;
  kind: string;
  startDate: string;
  endDate: string | null;
  status: string;
  outcome: string | null;
}

/**
 * Placements: kind, dates, status, outcome (`placement.proposed/agreed/started/cancelled/
 * completed`) and later end dates (`placement.extended`). Each placement's events in the page are
 * merged in feed order into one row (status: the last; end date and outcome: the last given,
 * else the stored one); an extension before any of those in the page updates the stored row first.
 */
export const placementFacts: FactHandler = {
  types: [...Object.keys(STATUS_AFTER), 'placement.extended'],
  needsCitizen: (type) => type !== 'placement.extended',
  async apply(m, events) {
    const merged = new Map<string, PlacementRow>();
    const extendedBefore = new Map<string, string>();
    for (const e of events) {
      const id = text(e, 'placementId');
      const row = merged.get(id);
      if (e.type === 'placement.extended') {
        if (row) row.endDate = text(e, 'endDate');
        else extendedBefore.set(id, text(e, 'endDate'));
        continue;
      }
      if (e.pid === null) continue;
      merged.set(id, {
        pid: e.pid,
        kind: optional(e, 'kind') ?? 'UNKNOWN',
        startDate: optional(e, 'startDate') ?? e.occurredAt.slice(0, 10),
        endDate: optional(e, 'endDate') ?? row?.endDate ?? null,
        status: STATUS_AFTER[e.type],
        outcome: optional(e, 'outcome') ?? row?.outcome ?? null,
      });
    }
    await updateColumn(m, 'insights_placement', ['placement_id', 'uuid'], ['end_date', 'date'], extendedBefore);
    await upsertRows(
      m,
      'insights_placement',
      [
        ['placement_id', 'uuid'],
        ['pid', 'text'],
        ['record_key', 'smallint'],
        ['kind', 'text'],
        ['start_date', 'date'],
        ['end_date', 'date'],
        ['status', 'text'],
        ['outcome', 'text'],
      ],
      [...merged].map(([id, p]) => [id, p.pid, recordKey(id), p.kind, p.startDate, p.endDate, p.status, p.outcome]),
      'placement_id',
      `kind = EXCLUDED.kind, start_date = EXCLUDED.start_date,
       end_date = COALESCE(EXCLUDED.end_date, insights_placement.end_date), status = EXCLUDED.status,
       outcome = COALESCE(EXCLUDED.outcome, insights_placement.outcome)`,
    );
  },
};
