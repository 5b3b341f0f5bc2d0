import type { DataSource } from 'typeorm';
import { CITIZEN_COLUMNS, KIT_RECORD_EXCLUSIONS, RecordDeclaration, RecordPart, RecordRow, RecordSection } from './declaration';

/**
 * Every subgraph's part includes its own access log entries about the citizen: who looked at or
 * changed what, when, and why (the actor's id is left out; their role is given, as in
 * Citizen.accessLog for the citizen).
 */
export const ACCESS_LOG_SECTION: RecordSection = {
  name: 'accessLog',
  title: 'Adgangslog',
  tables: ['kit_access_log'],
  columns: { at: 'Tidspunkt', domain: 'Område', operation: 'Handling', actorRole: 'Hvem (rolle)', purpose: 'Formål', kind: 'Oplysninger' },
  codes: { domain: 'domain', operation: 'accessOperation', actorRole: 'role', purpose: 'accessPurpose' },
  query: (manager, citizenId) =>
    manager.query(
      `SELECT at, domain, kind, operation, purpose, reason, actor_role AS "actorRole", operation_name AS "operationName"
         FROM kit_access_log WHERE citizen_id = $1 ORDER BY at, seq`,
      [citizenId],
    ),
};

/** The sections of a subgraph's part: its own declaration, then the access log. */
export function recordSectionsOf(declaration: RecordDeclaration): RecordSection[] {
  return [...declaration.sections, ACCESS_LOG_SECTION];
}

/**
 * Reads a subgraph's part of a citizen's record: every section in one read-only, repeatable-read
 * transaction, so the part is one consistent moment of this subgraph's data.
 */
export async function readRecordPart(
  dataSource: DataSource,
  service: string,
  declaration: RecordDeclaration,
  citizenId: string,
): Promise<RecordPart> {
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    await manager.query('SET TRANSACTION READ ONLY');
    const sections = [];
    for (const section of recordSectionsOf(declaration)) {
      sections.push({
        name: section.name,
        title: section.title,
        ...(section.columns ? { columns: { ...section.columns } } : {}),
        ...(section.codes ? { codes: { ...section.codes } } : {}),
        rows: (await section.query(manager, citizenId)).map(plainRow),
      });
    }
    return { service, sections };
  });
}

/**
 * The tables of this database with a citizen column (CITIZEN_COLUMNS) that the declaration
 * neither reads nor excludes with a reason: what the completeness guard fails on.
 */
export async function uncoveredCitizenTables(dataSource: DataSource, declaration: RecordDeclaration | undefined): Promise<string[]> {
  const rows: { table_name: string }[] = await dataSource.query(
    `SELECT DISTINCT table_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_name = ANY($1) ORDER BY table_name`,
    [CITIZEN_COLUMNS],
  );
  const covered = new Set([
    ...recordSectionsOf(declaration ?? { sections: [] }).flatMap((s) => s.tables),
    ...Object.keys(KIT_RECORD_EXCLUSIONS),
    ...Object.keys(declaration?.excluded ?? {}),
  ]);
  return rows.map((r) => r.table_name).filter((table) => !covered.has(table));
}

/**
 * A row as the JSON gives it: node-pg reads a `date` column as a Date at local midnight, which
 * would print as an instant; such a value is written as the calendar date (`2026-03-03`). A
 * timestamp exactly at local midnight to the millisecond is written the same way (now() never is).
 */
function plainRow(row: RecordRow): RecordRow {
  const out: RecordRow = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] =
      value instanceof Date &&
      value.getHours() === 0 &&
      value.getMinutes() === 0 &&
      value.getSeconds() === 0 &&
      value.getMilliseconds() === 0
        ? `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`
        : value;
  }
  return out;
}
