import 'reflect-metadata';
import { SubgraphDefinition } from '@jobcenter/kit';
import { AccessLogResolver } from '@jobcenter/kit/audit-log';
import { AgendaResolver } from './agenda/agenda.resolver';
import { Agreement, AgreementStatusChange } from './agreement/agreement.entity';
import { AgreementResolver } from './agreement/agreement.resolver';
import { FollowUpInterval } from './follow-up/follow-up-interval.entity';
import { FollowUpResolver } from './follow-up/follow-up.resolver';
import { CitizenMeetingsResolver } from './cadence/citizen.fields';
import { Attendance } from './course/attendance.entity';
import { CourseFacilitator } from './course/course-facilitator.entity';
import {
  AttendanceFieldsResolver,
  EnrollmentFieldsResolver,
  GroupCourseFieldsResolver,
  GroupSessionFieldsResolver,
} from './course/course.fields';
import { resolveGroupCourseReference } from './course/course.reference';
import { GroupCourseResolver } from './course/course.resolver';
import { Enrollment } from './course/enrollment.entity';
import { GroupCourse } from './course/group-course.entity';
import { GroupSession } from './course/group-session.entity';
import { seedMeetingsDemo } from './demo/demo-data';
import { resolveCitizenReference, resolveStaffReference } from './federation/references';
import { createLoaders, MeetingsLoaders } from './loaders';
import { MeetingParticipant } from './meeting/meeting-participant.entity';
import { Meeting } from './meeting/meeting.entity';
import { MeetingFieldsResolver, MeetingParticipantResolver } from './meeting/meeting.fields';
import { resolveMeetingReference } from './meeting/meeting.reference';
import { MeetingResolver } from './meeting/meeting.resolver';
import { MinutesAmendment } from './meeting/minutes-amendment.entity';
import { migrations } from './migrations';
import { MeetingNoticeResolver } from './notice/meeting-notice.resolver';
import { CaseloadDigestResolver } from './notice/caseload-digest.resolver';
import { StatisticsResolver } from './statistics/statistics.resolver';
import { meetingsRecord } from './record';
import { ReportMaterialResolver } from './report-material/report-material.resolver';
import { MeetingPlacementResolver, PlacementKickoffResolver } from './placement/kickoff.fields';
import { resolvePlacementReference } from './placement/placement-ref';

/** The meetings bounded context: meetings, their cadence, 8-week group courses, agendas. */
export const meetingsSubgraph: SubgraphDefinition<MeetingsLoaders> = {
  name: 'meetings',
  defaultPort: 4003,
  // Caseload grants (who may read which citizen) come from citizens; placements confirms whose
  // placement a kick-off meeting names (placement/placements.client.ts).
  calls: ['citizens', 'placements'],
  resolvers: [
    // The service's part of the citizen's access log, for Citizen.accessLog (services only).
    AccessLogResolver,
    MeetingResolver,
    MeetingFieldsResolver,
    MeetingParticipantResolver,
    GroupCourseResolver,
    GroupCourseFieldsResolver,
    GroupSessionFieldsResolver,
    EnrollmentFieldsResolver,
    AttendanceFieldsResolver,
    CitizenMeetingsResolver,
    AgendaResolver,
    StatisticsResolver,
    // Time, place and staff of a meeting for the citizen's notice (citizens' notification worker).
    MeetingNoticeResolver,
    CaseloadDigestResolver,
    AgreementResolver,
    FollowUpResolver,
    // The period's meetings, agreements and attendance for plans' report drafting (services only).
    ReportMaterialResolver,
    // Placement.kickoff and Meeting.placement (pathways, issue 19).
    PlacementKickoffResolver,
    MeetingPlacementResolver,
  ],
  referenceResolvers: {
    Meeting: { __resolveReference: resolveMeetingReference },
    GroupCourse: { __resolveReference: resolveGroupCourseReference },
    Citizen: { __resolveReference: resolveCitizenReference },
    StaffMember: { __resolveReference: resolveStaffReference },
    Placement: { __resolveReference: resolvePlacementReference },
  },
  entities: [
    Meeting,
    MeetingParticipant,
    MinutesAmendment,
    Agreement,
    AgreementStatusChange,
    FollowUpInterval,
    GroupCourse,
    CourseFacilitator,
    GroupSession,
    Enrollment,
    Attendance,
  ],
  migrations,
  // Caseloads from the citizens subgraph, behind the kit's grant cache.
  access: { kind: 'meetings, minutes and courses' },
  createLoaders,
  // What it holds about a citizen, for the citizen's whole record (recordExport; docs/record-export.md).
  record: meetingsRecord,
  seedDemo: seedMeetingsDemo,
};
