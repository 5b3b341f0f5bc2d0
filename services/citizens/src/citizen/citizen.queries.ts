import { DataSource, SelectQueryBuilder } from 'typeorm';
import { CitizenStatistics, decodeCursor, encodeCursor, publishCitizenFigures } from '@jobcenter/kit';
import { todayInCopenhagen } from '@jobcenter/kit/calendar';
import { isUuid } from '@jobcenter/kit/ids';
import { recordKeySecret, recordKeySql } from '@jobcenter/kit';
import { Citizen } from './citizen.entity';
import { CitizenStatus, TargetGroup } from './citizen.enums';
import { CitizenConnection, CitizenFilter } from './citizen.inputs';

/** Whose citizens a list may show: a staff member's own caseload, or a team's. */
export type CaseloadScope = { staffId: string } | { team: string };

function applyScope(qb: SelectQueryBuilder<Citizen>, scope: CaseloadScope): SelectQueryBuilder<Citizen> {
  const active = 'a.from_date <= :scopeToday AND (a.to_date IS NULL OR a.to_date >= :scopeToday)';
  if ('team' in scope) {
    return qb.andWhere(
      `EXISTS (SELECT 1 FROM assignment a JOIN staff_member s ON s.id = a.staff_id WHERE a.citizen_id = c.id AND s.team = :scopeTeam AND ${active})`,
      { scopeTeam: scope.team, scopeToday: todayInCopenhagen() },
    );
  }
  return qb.andWhere(`EXISTS (SELECT 1 FROM assignment a WHERE a.citizen_id = c.id AND a.staff_id = :scopeStaff AND ${active})`, {
    scopeStaff: isUuid(scope.staffId) ? scope.staffId : '00000000-0000-0000-0000-000000000000',
    scopeToday: todayInCopenhagen(),
  });
}

function applyFilter(qb: SelectQueryBuilder<Citizen>, filter: CitizenFilter | undefined): SelectQueryBuilder<Citizen> {
  if (filter?.status) qb.andWhere('c.status = :status', { status: filter.status });
  if (filter?.targetGroup) qb.andWhere('c.target_group = :targetGroup', { targetGroup: filter.targetGroup });
  if (filter?.staffId) {
    qb.andWhere(
      `EXISTS (SELECT 1 FROM assignment a WHERE a.citizen_id = c.id AND a.staff_id = :staffId
               AND a.from_date <= :today AND (a.to_date IS NULL OR a.to_date >= :today))`,
      { staffId: filter.staffId, today: todayInCopenhagen() },
    );
  }
  const search = filter?.search?.trim();
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    qb.andWhere("(c.first_name || ' ' || c.last_name) ILIKE :pattern", { pattern });
  }
  return qb;
}

/**
 * A page of citizens in name order, continuing after the cursor's key (last name, first
 * name, id): keyset pagination, so inserts between pages cannot repeat or skip a row.
 */
export async function listCitizens(
  dataSource: DataSource,
  filter: CitizenFilter | undefined,
  first: number,
  after: string | undefined,
  scope: CaseloadScope,
): Promise<CitizenConnection> {
  const repo = dataSource.getRepository(Citizen);
  const filtered = () => applyScope(applyFilter(repo.createQueryBuilder('c'), filter), scope);
  const page = filtered()
    .orderBy('c.last_name', 'ASC')
    .addOrderBy('c.first_name', 'ASC')
    .addOrderBy('c.id', 'ASC')
    .take(first + 1);
  if (after) {
    const [lastName, firstName, id] = decodeCursor(after, ['text', 'text', 'uuid']);
    page.andWhere('(c.last_name, c.first_name, c.id) > (:lastName, :firstName, CAST(:id AS uuid))', {
      lastName,
      firstName,
      id,
    });
  }
  const [rows, totalCount] = await Promise.all([page.getMany(), filtered().getCount()]);
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: last ? encodeCursor([last.lastName, last.firstName, last.id]) : null,
    },
  };
}

/** Counts by status and target group in SQL; every enum value is listed, zeros included. */
export async function citizenStatistics(dataSource: DataSource): Promise<CitizenStatistics> {
  // key_sum: the citizens' record keys, for the cell-key perturbation of each published count.
  const rows: { dimension: string; key: string; count: string; key_sum: string }[] = await dataSource.query(
    `SELECT 'status' AS dimension, status AS key, COUNT(*) AS count, SUM(${recordKeySql('id', '$1')}) AS key_sum FROM citizen GROUP BY status
     UNION ALL
     SELECT 'targetGroup', target_group, COUNT(*), SUM(${recordKeySql('id', '$1')}) FROM citizen GROUP BY target_group`,
    [recordKeySecret()],
  );
  const cells = (dimension: string, keys: string[]) =>
    keys.map((key) => {
      const row = rows.find((r) => r.dimension === dimension && r.key === key);
      return { key, count: Number(row?.count ?? 0), keySum: Number(row?.key_sum ?? 0) };
    });
  // Each row is one citizen, so every count here is of people (kit statistics/published.ts).
  return publishCitizenFigures(cells('status', Object.values(CitizenStatus)), cells('targetGroup', Object.values(TargetGroup)));
}
