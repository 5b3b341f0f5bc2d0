import type { DataSource } from 'typeorm';
import { CASE_STAFF_ROLES } from '../access/policy';
import type { Role } from '../identity';
import { accessLogRows, appendAccessLog } from './append';

/**
 * Logs a read that another service made for a person: a hidden, SERVICE-only query (a report's
 * material, a part of a record) is asked by a service after it checked the person's access, and
 * names them (`actorRole`, `actorId`). The entry goes on this service's access log under that
 * person, not the calling service, with their purpose (OWN_ACCESS for a citizen, CASE_WORK for
 * staff), before the data leaves.
 */
export async function logReadFor(
  dataSource: DataSource,
  read: { domain: string; citizenId: string; kind: string; actor: { id: string; role: Role }; requestId: string; operationName: string },
): Promise<void> {
  await appendAccessLog(
    dataSource,
    accessLogRows([{ citizenId: read.citizenId, kind: read.kind, purpose: read.actor.role === 'CITIZEN' ? 'OWN_ACCESS' : 'CASE_WORK' }], {
      actor: { ...read.actor, name: '' },
      requestId: read.requestId,
      operationName: read.operationName,
      domain: read.domain,
      change: false,
    }),
  );
}

/** Is this the role of case staff (who may have a citizen's material read for them)? For the `actorRole` of such queries. */
export const isCaseStaffRole = (role: string): role is Role => CASE_STAFF_ROLES.includes(role as Role);
