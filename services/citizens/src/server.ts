import 'reflect-metadata';
import { emptyConsumerReadModel, SubgraphDefinition } from '@jobcenter/kit';
import { AccessLogSpotCheckResolver } from './access-log-spot-check/spot-check.resolver';
import { Assignment } from './assignment/assignment.entity';
import { AccessGrantResolver } from './assignment/access-grant.resolver';
import { AssignmentResolver } from './assignment/assignment.resolver';
import { Citizen } from './citizen/citizen.entity';
import { CitizenAccessLogResolver } from './citizen/citizen.access-log';
import { EmergencyAccess } from './emergency/emergency-access.entity';
import { EmergencyAccessResolver } from './emergency/emergency-access.resolver';
import { CaseHandover } from './handover/handover.entity';
import { HandoverResolver } from './handover/handover.resolver';
import { CitizenFieldsResolver } from './citizen/citizen.fields';
import { resolveCitizenReference } from './citizen/citizen.reference';
import { CitizenResolver } from './citizen/citizen.resolver';
import { SignInResolver } from './sign-in/sign-in.resolver';
import { seedCitizensDemo } from './demo/demo-data';
import { localGrantSource } from './assignment/assignment.grants';
import { createLoaders, CitizensLoaders } from './loaders';
import { ACCESS_LOG_PEERS, RECORD_PEERS } from './peers';
import { CITIZENS_ACCESS_KIND, citizensRecord } from './record-export/citizens.record';
import { RecordExportRow } from './record-export/record-export.entity';
import { recordExportFiles } from './record-export/record-export.files';
import { RecordExportResolver } from './record-export/record-export.resolver';
import { purgeExpiredExports, RECORD_EXPORT_PURGE_MS } from './record-export/record-export.store';
import { migrations } from './migrations';
import { CitizenNotificationsResolver } from './notifications/notification.fields';
import { KnownReferencesResolver } from './references/known-references.resolver';
import { Message } from './message/message.entity';
import { CitizenMessagesResolver, MessageResolver } from './message/message.resolver';
import { NetworkContact } from './network/network-contact.entity';
import { NetworkContactResolver } from './network/network-contact.resolver';
import { ReportSubjectResolver } from './report-subject/report-subject.resolver';
import { ResourceProfile } from './resource-profile/resource-profile.entity';
import { ResourceProfileResolver } from './resource-profile/resource-profile.resolver';
import { resolveStaffMemberReference } from './staff/staff-member.reference';
import { StaffMember } from './staff/staff-member.entity';
import { StaffResolver } from './staff/staff.resolver';

/** The citizens bounded context: citizens, staff, assignments, network, resource profiles. */
export const citizensSubgraph: SubgraphDefinition<CitizensLoaders> = {
  name: 'citizens',
  defaultPort: 4001,
  // The access log, its spot check and the record export ask the other domains for their part.
  calls: [...new Set([...ACCESS_LOG_PEERS, ...RECORD_PEERS])],
  resolvers: [
    CitizenResolver,
    CitizenFieldsResolver,
    StaffResolver,
    AssignmentResolver,
    AccessGrantResolver,
    KnownReferencesResolver,
    CitizenAccessLogResolver,
    AccessLogSpotCheckResolver,
    EmergencyAccessResolver,
    HandoverResolver,
    NetworkContactResolver,
    ResourceProfileResolver,
    SignInResolver,
    CitizenNotificationsResolver,
    MessageResolver,
    CitizenMessagesResolver,
    RecordExportResolver,
    // The citizen's name for plans' report drafting (services only).
    ReportSubjectResolver,
  ],
  referenceResolvers: {
    Citizen: { __resolveReference: resolveCitizenReference },
    StaffMember: { __resolveReference: resolveStaffMemberReference },
  },
  entities: [Citizen, StaffMember, Assignment, NetworkContact, ResourceProfile, EmergencyAccess, CaseHandover, Message, RecordExportRow],
  migrations,
  // The policy over this service's own assignments, read fresh on every request.
  access: { kind: CITIZENS_ACCESS_KIND, grants: localGrantSource },
  // recordExport's stored files, and the citizen record's own part (record-export/, docs/record-export.md).
  files: recordExportFiles,
  record: citizensRecord,
  housekeeping: [{ name: 'record exports', everyMs: RECORD_EXPORT_PURGE_MS, purge: purgeExpiredExports }],
  createLoaders,
  seedDemo: seedCitizensDemo,
  // The notification centre's notices come from the feeds (notifications/notification-centre.ts).
  resetReadModel: (dataSource) => emptyConsumerReadModel(dataSource, ['notification']),
};
