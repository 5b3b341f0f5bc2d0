import { Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import { RequestContext } from '@jobcenter/kit';
import { PersonalData } from '@jobcenter/kit/access';
import { citizenRef, MeetingsCitizen } from '../federation/citizen-ref';
import { MeetingsStaffMember, staffRef } from '../federation/staff-ref';
import { MeetingsLoaders } from '../loaders';
import { Attendance } from './attendance.entity';
import { Enrollment } from './enrollment.entity';
import { GroupCourse } from './group-course.entity';
import { GroupSession } from './group-session.entity';

type Context = RequestContext<MeetingsLoaders>;

/**
 * Who appears in a course's personal lists: a citizen sees only their own row; the course's
 * facilitators see everyone enrolled (they run the sessions); other staff only the citizens
 * the caseload policy lets them read.
 */
async function visibleTo<T extends { citizenId: string }>(ctx: Context, courseId: string, rows: T[]): Promise<T[]> {
  if (ctx.actor.role === 'CITIZEN') return rows.filter((r) => r.citizenId === ctx.actor.id);
  const facilitators = await ctx.loaders.facilitatorsByCourse.load(courseId);
  if (facilitators.some((f) => f.staffId === ctx.actor.id)) return rows;
  const readable = await ctx.access.filter(rows.map((r) => r.citizenId));
  return rows.filter((r) => readable.has(r.citizenId));
}

@Resolver(() => GroupCourse)
export class GroupCourseFieldsResolver {
  @FieldResolver(() => [MeetingsStaffMember], { description: 'The two staff members who run the course (facilitatorer).' })
  async facilitators(@Root() course: GroupCourse, @Ctx() ctx: Context): Promise<MeetingsStaffMember[]> {
    return (await ctx.loaders.facilitatorsByCourse.load(course.id)).map((f) => staffRef(f.staffId));
  }

  @FieldResolver(() => [GroupSession], { description: 'The 8 weekly sessions, in order.' })
  sessions(@Root() course: GroupCourse, @Ctx() ctx: Context): Promise<GroupSession[]> {
    return ctx.loaders.sessionsByCourse.load(course.id);
  }

  @PersonalData()
  @FieldResolver(() => [Enrollment], {
    description: 'Citizens enrolled (tilmeldte), first enrolled first. A citizen sees only their own enrolment.',
  })
  async enrollments(@Root() course: GroupCourse, @Ctx() ctx: Context): Promise<Enrollment[]> {
    return visibleTo(ctx, course.id, await ctx.loaders.enrollmentsByCourse.load(course.id));
  }

  @FieldResolver(() => Int, { description: 'How many citizens are enrolled (no names).' })
  async enrolledCount(@Root() course: GroupCourse, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.enrollmentsByCourse.load(course.id)).length;
  }

  @FieldResolver(() => Int, { description: 'Places still free.' })
  async seatsLeft(@Root() course: GroupCourse, @Ctx() ctx: Context): Promise<number> {
    return Math.max(0, course.capacity - (await ctx.loaders.enrollmentsByCourse.load(course.id)).length);
  }
}

@Resolver(() => GroupSession)
export class GroupSessionFieldsResolver {
  @PersonalData()
  @FieldResolver(() => [Attendance], { description: 'Attendance recorded for this session. A citizen sees only their own.' })
  async attendance(@Root() session: GroupSession, @Ctx() ctx: Context): Promise<Attendance[]> {
    return visibleTo(ctx, session.courseId, await ctx.loaders.attendanceBySession.load(session.id));
  }

  @FieldResolver(() => GroupCourse, { description: 'The course the session belongs to.' })
  async course(@Root() session: GroupSession, @Ctx() ctx: Context): Promise<GroupCourse> {
    return (await ctx.loaders.courseById.load(session.courseId))!;
  }
}

@Resolver(() => Enrollment)
export class EnrollmentFieldsResolver {
  @FieldResolver(() => MeetingsCitizen, { description: 'The citizen enrolled.' })
  citizen(@Root() enrollment: Enrollment): MeetingsCitizen {
    return citizenRef(enrollment.citizenId);
  }

  @FieldResolver(() => GroupCourse, { description: 'The course.' })
  async course(@Root() enrollment: Enrollment, @Ctx() ctx: Context): Promise<GroupCourse> {
    return (await ctx.loaders.courseById.load(enrollment.courseId))!;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Share of recorded sessions the citizen came to (fremmødeprocent), 0 to 1: present / (present + absent); a lawful excuse ' +
      'does not count against it. Null before any attendance is recorded.',
  })
  attendanceRate(@Root() enrollment: Enrollment, @Ctx() ctx: Context): Promise<number | null> {
    return ctx.loaders.attendanceRateByEnrollment.load(enrollment.id);
  }
}

@Resolver(() => Attendance)
export class AttendanceFieldsResolver {
  @FieldResolver(() => MeetingsCitizen, { description: 'The citizen.' })
  citizen(@Root() attendance: Attendance): MeetingsCitizen {
    return citizenRef(attendance.citizenId);
  }

  @FieldResolver(() => GroupSession, { description: 'The session.' })
  async session(@Root() attendance: Attendance, @Ctx() ctx: Context): Promise<GroupSession> {
    return (await ctx.loaders.sessionById.load(attendance.sessionId))!;
  }
}
