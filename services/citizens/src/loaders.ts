import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { groupedBy, LoaderFactory, uniqueBy } from '@jobcenter/kit';
import { todayInCopenhagen } from '@jobcenter/kit/calendar';
import { isUuid } from '@jobcenter/kit/ids';
import { Assignment } from './assignment/assignment.entity';
import { Citizen } from './citizen/citizen.entity';
import { Message } from './message/message.entity';
import { NetworkContact } from './network/network-contact.entity';
import { NotificationRow, notificationsOf } from './notifications/notification.store';
import { ResourceProfile } from './resource-profile/resource-profile.entity';
import { StaffMember } from './staff/staff-member.entity';

export type CitizensLoaders = ReturnType<typeof createLoaders>;

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
    citizenById: uniqueBy(
      (c: Citizen) => c.id,
      (ids) => citizens.findBy({ id: In(ids) }),
    ),
    staffById: uniqueBy(
      (s: StaffMember) => s.id,
      (ids) => staff.findBy({ id: In(ids) }),
    ),
    /** Active assignments with their staff member joined (for the team and CPR masking). */
    activeAssignmentsByCitizen: groupedBy<Assignment>(
      (a) => a.citizenId,
      (ids) => activeAssignments('citizen_id', ids),
    ),
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
    /** Citizen.notifications, newest first (notifications/). */
    notificationsByCitizen: groupedBy<NotificationRow>(
      (n) => n.citizenId!,
      (ids) => notificationsOf(dataSource.manager, ids),
    ),
    /** The thread between each citizen and their team, oldest first. */
    messagesByCitizen: groupedBy<Message>(
      (m) => m.citizenId,
      (ids) => dataSource.getRepository(Message).find({ where: { citizenId: In(ids) }, order: { at: 'ASC', id: 'ASC' } }),
    ),
    /**
     * Unread messages from the other side for this actor (the team's for a citizen, the citizen's
     * for staff), counted in SQL: one statement for a whole caseload.
     */
    unreadMessagesByCitizen: new DataLoader<string, number>(async (keys) => {
      const ids = [...new Set(keys.filter(isUuid))];
      const side = actor.role === 'CITIZEN' ? "m.from_role <> 'CITIZEN'" : "m.from_role = 'CITIZEN'";
      const rows: { citizen_id: string; unread: number }[] = ids.length
        ? await dataSource.query(
            `SELECT m.citizen_id, COUNT(*)::int AS unread FROM message m
              WHERE m.citizen_id = ANY($1::uuid[]) AND m.read_at IS NULL AND ${side} GROUP BY m.citizen_id`,
            [ids],
          )
        : [];
      const counts = new Map(rows.map((r) => [r.citizen_id, r.unread]));
      return keys.map((k) => counts.get(k) ?? 0);
    }),
    profileByCitizen: uniqueBy(
      (p: ResourceProfile) => p.citizenId,
      (ids) => dataSource.getRepository(ResourceProfile).findBy({ citizenId: In(ids) }),
    ),
  };
}) satisfies LoaderFactory<unknown>;
