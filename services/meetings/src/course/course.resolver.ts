import { recordEvent } from '@jobcenter/kit';
import { attendanceRecorded, courseCreated, courseEnrolled } from '../events';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { badUserInput, changeTransaction, conflict, DateScalar, isUniqueViolation, notFound, RequestContext } from '@jobcenter/kit';
import { isUuid } from '@jobcenter/kit/ids';
import { assertReferencesExist, boundedInstant } from '@jobcenter/kit/input';
import { assertMayWrite, assertMayWriteFor, maySeeClash } from '../access';
import { clashExtension, describeClash, findClash } from '../booking/booking.rules';
import { busySpans, lockStaffCalendars } from '../booking/booking.store';
import { MeetingsLoaders } from '../loaders';
import { Attendance } from './attendance.entity';
import { CourseFacilitator } from './course-facilitator.entity';
import { AttendanceStatus } from './course.enums';
import { CreateGroupCourseInput } from './course.inputs';
import { checkCapacity, checkFacilitators, COURSE_RULES, decideEnrollment, sessionSpans } from './course.rules';
import { Enrollment } from './enrollment.entity';
import { GroupCourse } from './group-course.entity';
import { GroupSession } from './group-session.entity';
import { copenhagenDate } from '@jobcenter/kit/calendar';

type Context = RequestContext<MeetingsLoaders>;

@Resolver(() => GroupCourse)
export class GroupCourseResolver {
  @Query(() => GroupCourse, { nullable: true, description: 'One group course by id; null if there is none.' })
  groupCourse(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<GroupCourse | null> {
    return ctx.loaders.courseById.load(id);
  }

  @Query(() => [GroupCourse], {
    description: 'Group courses running at some point between `from` and `to` (Copenhagen dates, inclusive), by start date.',
  })
  groupCourses(
    @Ctx() ctx: Context,
    @Arg('from', () => DateScalar, { nullable: true }) from?: string | null,
    @Arg('to', () => DateScalar, { nullable: true }) to?: string | null,
  ): Promise<GroupCourse[]> {
    if (from && to && to < from) throw badUserInput('to: the period ends before it begins.', 'to');
    const qb = ctx.dataSource.getRepository(GroupCourse).createQueryBuilder('c');
    if (from) qb.andWhere('c.end_date >= :from', { from });
    if (to) qb.andWhere('c.start_date <= :to', { to });
    return qb.orderBy('c.start_date', 'ASC').addOrderBy('c.title', 'ASC').getMany();
  }

  @Mutation(() => GroupCourse, {
    description:
      'Creates a group course (gruppeforløb) with its 8 weekly sessions of 90 minutes, at the same Copenhagen wall-clock time every ' +
      'week. Exactly 2 different facilitators; capacity at most 12 (default 12). CONFLICT when a facilitator is booked at a session time.',
  })
  async createGroupCourse(@Arg('input') input: CreateGroupCourseInput, @Ctx() ctx: Context): Promise<GroupCourse> {
    assertMayWrite(ctx.actor, 'create group courses');
    const title = input.title.trim();
    if (!title) throw badUserInput('title: give the course a title.', 'title');
    const facilitators = checkFacilitators(input.facilitatorIds);
    if (!facilitators.ok) throw badUserInput(facilitators.message, facilitators.field);
    const capacity = checkCapacity(input.capacity);
    if (!capacity.ok) throw badUserInput(capacity.message, capacity.field);
    boundedInstant(input.firstSessionAt, 'firstSessionAt', 'course');
    const spans = sessionSpans(input.firstSessionAt);
    // Both facilitators must be staff members before the course and its sessions are stored.
    await assertReferencesExist(
      'meetings',
      facilitators.ids.map((id) => ({ kind: 'staff', id, field: 'facilitatorIds' })),
      ctx.requestId,
    );

    return changeTransaction(ctx, async (tx) => {
      await lockStaffCalendars(tx, facilitators.ids);
      const busy = await busySpans(tx, facilitators.ids, spans[0].startsAt, spans[spans.length - 1].endsAt);
      const clash = findClash(spans, facilitators.ids, busy);
      if (clash) {
        const visible = await maySeeClash(ctx, clash);
        throw conflict(describeClash(clash, visible), clashExtension(clash, visible));
      }
      const course = await tx.getRepository(GroupCourse).save(
        tx.getRepository(GroupCourse).create({
          title,
          topics: [...new Set(input.topics)],
          startDate: copenhagenDate(spans[0].startsAt),
          endDate: copenhagenDate(spans[spans.length - 1].startsAt),
          capacity: capacity.capacity,
          location: input.location?.trim() || null,
          createdBy: ctx.actor.id,
        }),
      );
      await tx
        .getRepository(CourseFacilitator)
        .insert(facilitators.ids.map((staffId, position) => ({ courseId: course.id, staffId, position })));
      await tx.getRepository(GroupSession).insert(
        spans.map((span, i) => ({
          courseId: course.id,
          number: i + 1,
          startsAt: span.startsAt,
          endsAt: span.endsAt,
          durationMinutes: COURSE_RULES.sessionMinutes,
        })),
      );
      await recordEvent(tx, courseCreated(course, spans.length));
      return course;
    });
  }

  @Mutation(() => Enrollment, {
    description:
      'Enrols a citizen in a group course (tilmelding). CONFLICT when the course is full or the citizen is already enrolled; ' +
      'two requests for the last place are decided one after the other, so the course is never overbooked.',
  })
  async enrollInCourse(
    @Arg('courseId', () => ID) courseId: string,
    @Arg('citizenId', () => ID) citizenId: string,
    @Ctx() ctx: Context,
  ): Promise<Enrollment> {
    assertMayWrite(ctx.actor, 'enrol citizens in courses');
    if (!isUuid(citizenId)) throw badUserInput(`citizenId: "${citizenId}" is not a citizen id.`, 'citizenId');
    await assertReferencesExist('meetings', [{ kind: 'citizen', id: citizenId, field: 'citizenId' }], ctx.requestId);
    try {
      return await changeTransaction(ctx, async (tx) => {
        // The course row lock queues concurrent enrolments: each sees the count the previous one left.
        const course = isUuid(courseId)
          ? await tx
              .getRepository(GroupCourse)
              .createQueryBuilder('c')
              .setLock('pessimistic_write')
              .where('c.id = :courseId', { courseId })
              .getOne()
          : null;
        if (!course) throw notFound('Group course', courseId);
        await assertMayWriteFor(ctx, citizenId, 'enrol citizens in courses');
        const enrollments = await tx.getRepository(Enrollment).findBy({ courseId });
        const decided = decideEnrollment({
          enrolled: enrollments.length,
          capacity: course.capacity,
          alreadyEnrolled: enrollments.some((e) => e.citizenId === citizenId),
          title: course.title,
        });
        if (!decided.ok) throw conflict(decided.message);
        const enrollment = await tx
          .getRepository(Enrollment)
          .save(tx.getRepository(Enrollment).create({ courseId, citizenId, enrolledBy: ctx.actor.id }));
        await recordEvent(tx, courseEnrolled(courseId, citizenId));
        return enrollment;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_enrollment_course_citizen')) throw conflict('The citizen is already enrolled in this course.');
      throw error;
    }
  }

  @Mutation(() => Attendance, {
    description:
      'Records whether an enrolled citizen came to a session (fremmøde): PRESENT, ABSENT or EXCUSED. Recording again corrects it. Only for sessions that have started.',
  })
  async recordAttendance(
    @Arg('sessionId', () => ID) sessionId: string,
    @Arg('citizenId', () => ID) citizenId: string,
    @Arg('status', () => AttendanceStatus) status: AttendanceStatus,
    @Ctx() ctx: Context,
  ): Promise<Attendance> {
    assertMayWrite(ctx.actor, 'record attendance');
    const session = isUuid(sessionId) ? await ctx.dataSource.getRepository(GroupSession).findOneBy({ id: sessionId }) : null;
    if (!session) throw notFound('Group session', sessionId);
    if (session.startsAt.getTime() > Date.now()) {
      throw badUserInput(`Session ${session.number} has not started yet; record attendance once it has begun.`, 'sessionId');
    }
    const enrolled = isUuid(citizenId)
      ? await ctx.dataSource.getRepository(Enrollment).existsBy({ courseId: session.courseId, citizenId })
      : false;
    if (!enrolled) throw badUserInput('citizenId: the citizen is not enrolled in this course; enrol them first.', 'citizenId');
    // The course's facilitators record attendance for everyone enrolled; others within their caseload.
    const facilitators = await ctx.loaders.facilitatorsByCourse.load(session.courseId);
    if (!facilitators.some((f) => f.staffId === ctx.actor.id)) await ctx.access.assert(citizenId);
    const rows: Record<string, any>[] = await changeTransaction(ctx, async (tx) => {
      // A facilitator outside the caseload changes the citizen's data too: on the log with it.
      ctx.access.recordChange(citizenId);
      await recordEvent(tx, attendanceRecorded(session, citizenId, status));
      return tx.query(
        `INSERT INTO attendance (session_id, citizen_id, status, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (session_id, citizen_id) DO UPDATE SET status = EXCLUDED.status, recorded_by = EXCLUDED.recorded_by, recorded_at = now()
         RETURNING session_id, citizen_id, status, recorded_by, recorded_at`,
        [sessionId, citizenId, status, ctx.actor.id],
      );
    });
    const row = rows[0];
    return Object.assign(new Attendance(), {
      sessionId: row.session_id,
      citizenId: row.citizen_id,
      status: row.status,
      recordedBy: row.recorded_by,
      recordedAt: row.recorded_at,
    });
  }
}
