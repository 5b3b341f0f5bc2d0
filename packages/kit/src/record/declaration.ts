import type { EntityManager } from 'typeorm';

/** One row of a record section: column → value (JSON-serialisable: text, numbers, dates, arrays). */
export type RecordRow = Record<string, unknown>;

/**
 * One part of what a subgraph holds about a citizen, for the citizen's whole record (GDPR
 * Art. 15; docs/record-export.md): rows from one or more tables, with a Danish title for the PDF.
 */
export interface RecordSection {
  /** Stable key in the JSON, e.g. `plans`. */
  name: string;
  /** Heading in the PDF, in Danish, e.g. "Planer". */
  title: string;
  /**
   * The tables whose citizen rows this section gives (the completeness guard checks that every
   * table with a citizen column is named by some section or excluded with a reason).
   */
  tables: readonly string[];
  /** Column → Danish label: the PDF shows these columns, in this order; the JSON keeps every column. */
  columns?: Readonly<Record<string, string>>;
  /**
   * Column → the list its codes come from (a group of `@jobcenter/labels`, e.g. `targetGroup`):
   * the PDF shows the words ("Aktivitetsparat"), the JSON keeps the codes (ACTIVITY_READY).
   */
  codes?: Readonly<Record<string, string>>;
  /** The rows about the citizen, read inside the export's one read-only snapshot. */
  query: (manager: EntityManager, citizenId: string) => Promise<RecordRow[]>;
}

/** What a subgraph declares about its part of a citizen's record (SubgraphDefinition.record). */
export interface RecordDeclaration {
  sections: readonly RecordSection[];
  /**
   * Tables with a citizen column that are deliberately not in the record, each with the reason
   * (e.g. the outbox: event copies of rows that are in the record already).
   */
  excluded?: Readonly<Record<string, string>>;
}

/** One section as a subgraph gives it. */
export interface RecordPartSection {
  name: string;
  title: string;
  columns?: Record<string, string>;
  codes?: Record<string, string>;
  rows: RecordRow[];
}

/** A subgraph's part of the record (the JSON `recordPart` answers). */
export interface RecordPart {
  service: string;
  sections: RecordPartSection[];
}

/** Columns that name a citizen in a table: their id, or insights' pseudonym of it. */
export const CITIZEN_COLUMNS: readonly string[] = ['citizen_id', 'pid'];

/** Tables every subgraph has from the kit: the access log is a section of every part; the rest are excluded here. */
export const KIT_RECORD_EXCLUSIONS: Readonly<Record<string, string>> = {
  outbox_event:
    "The outbox: copies of changes as events (codes and ids, never free text) of rows that are in the record already, kept until the event's retention ends.",
};

/**
 * A section read by one SQL statement whose only parameter `$1` is the citizen's id (or what
 * `param` makes of it, e.g. insights' pseudonym): the usual way to declare one.
 */
export function sqlSection(section: Omit<RecordSection, 'query'> & { sql: string; param?: (citizenId: string) => string }): RecordSection {
  const { sql, param, ...rest } = section;
  return { ...rest, query: (manager, citizenId) => manager.query(sql, [param ? param(citizenId) : citizenId]) };
}
