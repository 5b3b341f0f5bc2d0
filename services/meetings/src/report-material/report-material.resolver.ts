import { Arg, Ctx, Directive, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { badUserInput, DateScalar, isCaseStaffRole, isUuid, logReadFor, RequestContext, requireRole } from '@jobcenter/kit';
import { Agreement } from '../agreement/agreement.entity';
import { MeetingsLoaders } from '../loaders';
import { Meeting } from '../meeting/meeting.entity';

@ObjectType('ReportMaterialMeeting', { description: 'A meeting of the period, as a report of the course quotes it (services only).' })
@Directive('@inaccessible')
export class ReportMaterialMeeting {
  @Field(() => ID) id!: string;
  @Field({ description: 'MeetingKind code.' }) kind!: string;
  @Field({ description: 'When it started (UTC).' }) scheduledAt!: Date;
  @Field({ description: 'MeetingStatus code.' }) status!: string;
  @Field(() => String, { nullable: true, description: 'The minutes (referat).' }) summary!: string | null;
}

@ObjectType('ReportMaterialAgreement', { description: 'An agreement made at a meeting of the period (services only).' })
@Directive('@inaccessible')
export class ReportMaterialAgreement {
  @Field() text!: string;
  @Field({ description: 'ParticipantRole code of who carries it.' }) responsible!: string;
  @Field({ description: 'AgreementStatus code.' }) status!: string;
  @Field(() => DateScalar, { nullable: true }) deadline!: string | null;
  @Field(() => DateScalar, { description: 'The day of the meeting it was agreed at (Copenhagen).' }) agreedOn!: string;
}

@ObjectType('ReportMaterialAttendance', {
  description: "The citizen's attendance at a group course's sessions in the period (services only).",
})
@Directive('@inaccessible')
export class ReportMaterialAttendance {
  @Field() courseTitle!: string;
  @Field(() => Int, { description: 'Sessions of the period that have begun.' }) sessions!: number;
  @Field(() => Int) present!: number;
  @Field(() => Int) absent!: number;
  @Field(() => Int, { description: 'Lawful excuse (lovligt forfald).' }) excused!: number;
}

@ObjectType('ReportMaterial', {
  description: 'What a report of a course quotes from this service for a citizen and a period (services only).',
})
@Directive('@inaccessible')
export class ReportMaterial {
  @Field(() => [ReportMaterialMeeting]) meetings!: ReportMaterialMeeting[];
  @Field(() => [ReportMaterialAgreement]) agreements!: ReportMaterialAgreement[];
  @Field(() => [ReportMaterialAttendance]) attendance!: ReportMaterialAttendance[];
}

const COPENHAGEN_DAY = (column: string) => `(${column} AT TIME ZONE 'Europe/Copenhagen')::date`;

/**
 * The plans service drafts a report of a course (CaseReport) and copies the period's meetings,
 * agreements and course attendance into it: it asks here with its SERVICE identity, after it has
 * checked that the staff member drafting may see the citizen, and names that staff member, so
 * the read is on the citizen's access log under them (purpose: report drafting). Hidden from the
 * composed API.
 */
@Resolver()
export class ReportMaterialResolver {
  @Directive('@inaccessible')
  @Query(() => ReportMaterial, { description: "A citizen's meetings, agreements and attendance in [from, to], for drafting a report." })
  async reportMaterial(
    @Arg('citizenId', () => ID) citizenId: string,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Arg('actorRole', () => String, { description: 'The role of the staff member drafting the report.' }) actorRole: string,
    @Arg('actorId', () => ID, { description: 'The staff member drafting the report.' }) actorId: string,
    @Ctx() ctx: RequestContext<MeetingsLoaders>,
  ): Promise<ReportMaterial> {
    requireRole(ctx.actor, ['SERVICE'], 'read report material');
    if (!isUuid(citizenId)) throw badUserInput('citizenId: this is not a citizen id.', 'citizenId');
    if (!isCaseStaffRole(actorRole)) throw badUserInput('actorRole: reports are drafted by case staff.', 'actorRole');
    const db = ctx.dataSource;
    const [meetings, agreements, attendance] = await Promise.all([
      db
        .getRepository(Meeting)
        .createQueryBuilder('m')
        .where('m.citizen_id = :citizenId', { citizenId })
        .andWhere(`${COPENHAGEN_DAY('m.scheduled_at')} BETWEEN :from AND :to`, { from, to })
        .orderBy('m.scheduled_at', 'ASC')
        .getMany(),
      db
        .getRepository(Agreement)
        .createQueryBuilder('a')
        .innerJoin(Meeting, 'm', 'm.id = a.meeting_id')
        .select(['a.text AS text', 'a.responsible AS responsible', 'a.status AS status'])
        .addSelect(`to_char(a.deadline, 'YYYY-MM-DD')`, 'deadline')
        .addSelect(`to_char(${COPENHAGEN_DAY('m.scheduled_at')}, 'YYYY-MM-DD')`, 'agreed_on')
        .where('a.citizen_id = :citizenId', { citizenId })
        .andWhere('a.withdrawn_at IS NULL')
        .andWhere(`${COPENHAGEN_DAY('m.scheduled_at')} BETWEEN :from AND :to`, { from, to })
        .orderBy('m.scheduled_at', 'ASC')
        .addOrderBy('a.position', 'ASC')
        .getRawMany<{ text: string; responsible: string; status: string; deadline: string | null; agreed_on: string }>(),
      db.query(
        `SELECT c.title AS course_title,
                COUNT(*)::int AS sessions,
                COUNT(*) FILTER (WHERE t.status = 'PRESENT')::int AS present,
                COUNT(*) FILTER (WHERE t.status = 'ABSENT')::int AS absent,
                COUNT(*) FILTER (WHERE t.status = 'EXCUSED')::int AS excused
           FROM enrollment e
           JOIN group_course c ON c.id = e.course_id
           JOIN group_session s ON s.course_id = e.course_id
           LEFT JOIN attendance t ON t.session_id = s.id AND t.citizen_id = e.citizen_id
          WHERE e.citizen_id = $1 AND s.starts_at <= now()
            AND ${COPENHAGEN_DAY('s.starts_at')} BETWEEN $2 AND $3
          GROUP BY c.id, c.title, c.start_date ORDER BY c.start_date, c.title`,
        [citizenId, from, to],
      ) as Promise<{ course_title: string; sessions: number; present: number; absent: number; excused: number }[]>,
    ]);
    // On the citizen's log under the staff member drafting, as their case work for the report.
    await logReadFor(db, {
      domain: 'meetings',
      citizenId,
      kind: 'meetings, agreements and attendance (report drafting)',
      actor: { id: actorId, role: actorRole },
      requestId: ctx.requestId,
      operationName: 'reportMaterial',
    });
    return {
      meetings: meetings.map((m) => ({ id: m.id, kind: m.kind, scheduledAt: m.scheduledAt, status: m.status, summary: m.summary })),
      agreements: agreements.map((a) => ({
        text: a.text,
        responsible: a.responsible,
        status: a.status,
        deadline: a.deadline,
        agreedOn: a.agreed_on,
      })),
      attendance: attendance.map((r) => ({
        courseTitle: r.course_title,
        sessions: r.sessions,
        present: r.present,
        absent: r.absent,
        excused: r.excused,
      })),
    };
  }
}
