import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { createCitizenAccess, isUuid, LoaderFactory, todayInCopenhagen } from '@jobcenter/kit';
import { localGrantSource } from './assignment/assignment.grants';
import { Assignment } from './assignment/assignment.entity';
import { Citizen } from './citizen/citizen.entity';
import { NetworkContact } from './network/network-contact.entity';
import { ResourceProfile } from './resource-profile/resource-profile.entity';
import { StaffMember } from './staff/staff-member.entity';

export type CitizensLoaders = ReturnType<typeof createLoaders>;

/** Rows by id, in key order, null where missing; one statement per batch. */
function byId<T extends { id: string }>(load: (ids: string[]) => Promise<T[]>) {
  return new DataLoader<string, T | null>(async (keys) => {
    const ids = keys.filter(isUuid);
    const rows = ids.length ? await load(ids) : [];
    const found = new Map(rows.map((row) => [row.id, row]));
    return keys.map((key) => found.get(key) ?? null);
  });
}

/** Rows grouped by a foreign key, in key order; one statement per batch. */
function groupedBy<T>(key: (row: T) => string, load: (ids: string[]) => Promise<T[]>) {
  return new DataLoader<string, T[]>(async (keys) => {
    const ids = keys.filter(isUuid);
    const rows = ids.length ? await load(ids) : [];
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      const group = groups.get(key(row));
      if (group) group.push(row);
      else groups.set(key(row), [row]);
    }
    return keys.map((k) => groups.get(k) ?? []);
  });
}

/** Per-request loaders: each batch of ids costs one SQL statement. */
export const createLoaders = (({ dataSource, actor }) => {
  const citizens = dataSource.getRepository(Citizen);
  const staff = dataSource.getRepository(StaffMember);
  const assignments = dataSource.getRepository(Assignment);
  const today = todayInCopenhagen();

  const activeAssignments = (column: 'citizen_id' | 'staff_id', ids: string[]) =>
    assignments
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.staff', 'staff')
      .where(`a.${column} = ANY(:ids)`, { ids })
      .andWhere('a.from_date <= :today AND (a.to_date IS NULL OR a.to_date >= :today)', { today })
      .orderBy('a.from_date', 'ASC')
      .addOrderBy('a.role', 'ASC')
      .getMany();

  return {
    /** The access policy for this request, over this service's own assignments (always fresh). */
    access: createCitizenAccess(actor, localGrantSource(dataSource), { kind: 'citizen record (identity, contact, network, resource profile)' }),
    citizenById: byId((ids) => citizens.findBy({ id: In(ids) })),
    staffById: byId((ids) => staff.findBy({ id: In(ids) })),
    /** Active assignments with their staff member joined (for the team and CPR masking). */
    activeAssignmentsByCitizen: groupedBy<Assignment>((a) => a.citizenId, (ids) => activeAssignments('citizen_id', ids)),
    allAssignmentsByCitizen: groupedBy<Assignment>(
      (a) => a.citizenId,
      (ids) =>
        assignments
          .createQueryBuilder('a')
          .innerJoinAndSelect('a.staff', 'staff')
          .where('a.citizen_id = ANY(:ids)', { ids })
          .orderBy('a.from_date', 'ASC')
          .getMany(),
    ),
    /** Citizens with an active assignment to each staff member. */
    caseloadByStaff: groupedBy<Assignment>(
      (a) => a.staffId,
      (ids) =>
        assignments
          .createQueryBuilder('a')
          .innerJoinAndSelect('a.citizen', 'citizen')
          .where('a.staff_id = ANY(:ids)', { ids })
          .andWhere('a.from_date <= :today AND (a.to_date IS NULL OR a.to_date >= :today)', { today })
          .orderBy('citizen.last_name')
          .addOrderBy('citizen.first_name')
          .getMany(),
    ),
    networkByCitizen: groupedBy<NetworkContact>(
      (n) => n.citizenId,
      (ids) => dataSource.getRepository(NetworkContact).find({ where: { citizenId: In(ids) }, order: { createdAt: 'ASC' } }),
    ),
    profileByCitizen: new DataLoader<string, ResourceProfile | null>(async (keys) => {
      const ids = keys.filter(isUuid);
      const rows = ids.length ? await dataSource.getRepository(ResourceProfile).findBy({ citizenId: In(ids) }) : [];
      const found = new Map(rows.map((row) => [row.citizenId, row]));
      return keys.map((key) => found.get(key) ?? null);
    }),
  };
}) satisfies LoaderFactory<unknown>;
