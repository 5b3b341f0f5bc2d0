import { DataSource } from 'typeorm';
import { todayInCopenhagen } from '@jobcenter/kit/calendar';

/**
 * The citizens a team lead's spot check covers: those with an active assignment to a staff
 * member of the team, the same citizens the access policy lets the team lead read (so every
 * sampled citizen can be opened for the review). Emergency grants are not assignments.
 */
export async function teamCitizenIds(dataSource: DataSource, team: string): Promise<string[]> {
  const rows: { citizen_id: string }[] = await dataSource.query(
    `SELECT DISTINCT a.citizen_id FROM assignment a JOIN staff_member s ON s.id = a.staff_id
      WHERE s.team = $1 AND a.from_date <= $2 AND (a.to_date IS NULL OR a.to_date >= $2)`,
    [team, todayInCopenhagen()],
  );
  return rows.map((r) => r.citizen_id);
}
