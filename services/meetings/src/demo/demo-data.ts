import { AnyNewEvent, recordEvents } from '@jobcenter/kit';
import { attendanceRecorded, courseCreated, courseEnrolled, meetingCancelled, meetingOutcomeRecorded, meetingScheduled } from '../events';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { demoCitizens, demoPlacements, demoStaff } from '@jobcenter/demo-cast';
import { Attendance } from '../course/attendance.entity';
import { CourseFacilitator } from '../course/course-facilitator.entity';
import { AttendanceStatus, CourseTopic } from '../course/course.enums';
import { COURSE_RULES, sessionSpans } from '../course/course.rules';
import { Enrollment } from '../course/enrollment.entity';
import { GroupCourse } from '../course/group-course.entity';
import { GroupSession } from '../course/group-session.entity';
import { Agreement } from '../agreement/agreement.entity';
import { AgreementStatus } from '../agreement/agreement.enums';
import { MeetingParticipant } from '../meeting/meeting-participant.entity';
import { Meeting } from '../meeting/meeting.entity';
import { MeetingKind, MeetingStatus, ParticipantRole } from '../meeting/meeting.enums';
import { ZONE } from '../time/copenhagen';
import { addMinutes, copenhagenDate, addDays, todayInCopenhagen } from '@jobcenter/kit/calendar';

type Staff = keyof typeof demoStaff;
type Person = keyof typeof demoCitizens;

/** An instant at a Copenhagen wall-clock time, `days` from today. */
function localAt(today: string, days: number, time: string): Date {
  return DateTime.fromISO(`${addDays(today, days)}T${time}`, { zone: ZONE }).toJSDate();
}

interface DemoMeeting {
  who: Person;
  kind: MeetingKind;
  days: number;
  time: string;
  minutes?: number;
  staff: [Staff, ParticipantRole][];
  others?: [ParticipantRole, string][];
  status?: MeetingStatus;
  summary?: string;
  agreements?: DemoAgreement[];
  location?: string;
  reason?: string;
  /** The placement a kick-off is about (demo-cast's demoPlacements). */
  placement?: string;
}

/** An agreement of a held meeting: who carries it (a staff member by demo name, or a role), its deadline in days from today. */
interface DemoAgreement {
  text: string;
  deadline: number | null;
  by: Staff | ParticipantRole;
  role?: ParticipantRole;
  status?: AgreementStatus;
}

const RC = ParticipantRole.RESOURCE_CONSULTANT;
const CW = ParticipantRole.CASEWORKER;
const JC = ParticipantRole.JOB_CONSULTANT;

/** Close follow-up about every 14 days: held ones in the past, the next one booked. */
function followUps(
  who: Person,
  consultant: Staff,
  offset: number,
  time: string,
  notes: string[],
  outcomes: MeetingStatus[] = [],
): DemoMeeting[] {
  const past = notes.map((summary, i): DemoMeeting => {
    const status = outcomes[i] ?? MeetingStatus.HELD;
    return {
      who,
      kind: i % 2 === 0 ? MeetingKind.WALK_AND_TALK : MeetingKind.FOLLOW_UP,
      days: offset - 14 * (notes.length - i),
      time,
      staff: [[consultant, RC]],
      status,
      summary: status === MeetingStatus.HELD ? summary : undefined,
      // An absence keeps its reason (the excuse, or what is known of a no-show), not minutes.
      reason: status === MeetingStatus.HELD ? undefined : summary,
      location: i % 2 === 0 ? 'Gåtur fra jobcentret langs åen' : 'Jobcentret',
    };
  });
  return [
    ...past,
    { who, kind: MeetingKind.WALK_AND_TALK, days: offset, time, staff: [[consultant, RC]], location: 'Gåtur fra jobcentret' },
  ];
}

/** The seed stories' meetings, relative to today. Consultants' days never clash with the course. */
const meetings: DemoMeeting[] = [
  ...followUps('per', 'anders', 1, '09:00', [
    'Per fortæller om vægttabet; han går nu dagligt en tur med sin mor.',
    'Vi talte om højskoleopholdet, som Per selv har fundet.',
    'Per har bygget en cykel, der kan bære ham; han cykler til jobcentret.',
    'Status på kost og motion; Per vil gerne prøve værkstedet igen.',
  ]),
  {
    who: 'per',
    kind: MeetingKind.NETWORK_MEETING,
    days: -40,
    time: '13:00',
    minutes: 90,
    staff: [
      ['anders', RC],
      ['inger', CW],
    ],
    others: [[ParticipantRole.RELATIVE, 'Hanne Hansen']],
    status: MeetingStatus.HELD,
    location: 'Jobcentret, mødelokale 2',
    summary:
      'Status for perioden: Per har tabt 12 kg og kommer stabilt. Mål for næste periode: højskoleophold og afklaring af arbejde på værkstedet.',
    agreements: [
      { text: 'Per søger højskoleopholdet', deadline: -10, by: ParticipantRole.CITIZEN },
      { text: 'Anders kontakter værkstedet om en praktik', deadline: 30, by: 'anders', role: RC },
      { text: 'Per tager sin mor med til næste netværksmøde', deadline: null, by: ParticipantRole.CITIZEN, status: AgreementStatus.DONE },
    ],
  },
  {
    who: 'per',
    kind: MeetingKind.NETWORK_MEETING,
    days: 45,
    time: '13:00',
    minutes: 90,
    staff: [
      ['anders', RC],
      ['inger', CW],
    ],
    location: 'Jobcentret, mødelokale 2',
  },

  ...followUps(
    'ulla',
    'sofie',
    2,
    '13:00',
    [
      'Ulla fortalte om hverdagen med børnene; det går bedre med morgenerne.',
      'Ulla kom ikke.',
      'Ulla havde lægetid; ny tid aftalt.',
      'Ulla foreslår selv et praktiksted i en børnehave.',
    ],
    [MeetingStatus.HELD, MeetingStatus.NO_SHOW, MeetingStatus.EXCUSED, MeetingStatus.HELD],
  ),
  {
    who: 'ulla',
    kind: MeetingKind.NETWORK_MEETING,
    days: -60,
    time: '09:00',
    minutes: 90,
    staff: [
      ['sofie', RC],
      ['mette', CW],
      ['jens', JC],
    ],
    others: [[ParticipantRole.RELATIVE, 'Kasper Holm']],
    status: MeetingStatus.HELD,
    location: 'Jobcentret, mødelokale 1',
    summary: 'Status: Ulla møder op og tager selv initiativ. Mål: en praktik med få timer, hvor hun føler sig tryg.',
    agreements: [{ text: 'Jens undersøger praktik i en børnehave', deadline: -30, by: 'jens', role: JC }],
  },

  ...followUps('svend', 'anders', 3, '14:30', [
    'Svend er stadig tørlagt og går i AA hver uge.',
    'Vi gik en tur i planteskolen; Svend kender mange af planterne.',
    'Svend har talt med sin mor om uddannelsen.',
    'Svend vil gerne i praktik som anlægsgartner.',
  ]),
  {
    who: 'svend',
    kind: MeetingKind.NETWORK_MEETING,
    days: -110,
    time: '13:00',
    minutes: 90,
    staff: [
      ['anders', RC],
      ['inger', CW],
      ['jens', JC],
    ],
    others: [[ParticipantRole.SUPPORT_PERSON, 'AA-sponsor']],
    status: MeetingStatus.HELD,
    location: 'Jobcentret, mødelokale 2',
    summary: 'Status: alkoholbehandlingen er gennemført. Mål: stabil hverdag og afklaring af uddannelse som anlægsgartner.',
    agreements: [{ text: 'Svend fortsætter i AA', deadline: null, by: ParticipantRole.CITIZEN }],
  },

  ...followUps('line', 'sofie', 4, '11:00', [
    'Line vil have et ordinært job hurtigt for at betale sin gæld.',
    'Line har været i praktik i blomsterbutikken i to dage.',
    'Vi talte om SU og uddannelse senere.',
  ]),
  {
    who: 'line',
    kind: MeetingKind.PLACEMENT_KICKOFF,
    days: 10,
    time: '10:00',
    minutes: 60,
    staff: [
      ['jens', JC],
      ['sofie', RC],
    ],
    others: [[ParticipantRole.EMPLOYER, 'Blomsterhandler Ringe']],
    location: 'Blomsterhandler Ringe',
  },
  {
    who: 'line',
    kind: MeetingKind.FOLLOW_UP,
    days: -3,
    time: '15:00',
    staff: [['sofie', RC]],
    status: MeetingStatus.CANCELLED,
    reason: 'Line var syg; ny tid aftalt.',
    location: 'Jobcentret',
  },

  // Kick-offs (opstartsmøder) booked with their placements: Svend's two were held before each
  // start; Per's, before the internship at the workshop that follows his course, is booked.
  {
    who: 'svend',
    kind: MeetingKind.PLACEMENT_KICKOFF,
    days: -127,
    time: '10:00',
    staff: [
      ['jens', JC],
      ['anders', RC],
    ],
    others: [[ParticipantRole.EMPLOYER, 'Poul Gartner']],
    status: MeetingStatus.HELD,
    location: 'Ringe Anlægsgartner ApS',
    summary: 'Opgaver i planteskolen, 20 timer om ugen, Poul er kontaktperson. Svend fortæller selv om AA.',
    placement: demoPlacements.svendInternship,
  },
  {
    who: 'svend',
    kind: MeetingKind.PLACEMENT_KICKOFF,
    days: -32,
    time: '10:00',
    staff: [
      ['jens', JC],
      ['anders', RC],
    ],
    others: [[ParticipantRole.EMPLOYER, 'Poul Gartner']],
    status: MeetingStatus.HELD,
    location: 'Ringe Anlægsgartner ApS',
    summary: 'Løntilskud i 6 måneder, 30 timer om ugen; Poul er mentor. Mål: ordinært job og anlægsgartneruddannelsen.',
    placement: demoPlacements.svendWageSubsidy,
  },
  {
    who: 'per',
    kind: MeetingKind.PLACEMENT_KICKOFF,
    days: 27,
    time: '10:00',
    staff: [
      ['jens', JC],
      ['anders', RC],
    ],
    others: [[ParticipantRole.EMPLOYER, 'Værkfører Bo Hansen']],
    location: 'Ryslinge Auto- og Cykelværksted',
    placement: demoPlacements.perInternship,
  },
  {
    who: 'bent',
    kind: MeetingKind.PLACEMENT_FOLLOW_UP,
    days: -20,
    time: '14:00',
    staff: [['jens', JC]],
    others: [[ParticipantRole.EMPLOYER, 'Kroen i Ringe']],
    status: MeetingStatus.HELD,
    location: 'Kroen i Ringe',
    summary: 'Bent er ansat i flexjob som kok; ryggen holder med de nye arbejdstider.',
    agreements: [{ text: 'Jens følger op om tre måneder', deadline: 70, by: 'jens', role: JC }],
  },
];

/** The running course: Anders and Sofie, started three weeks ago, attendance for the sessions held. */
const course = {
  title: 'Trivsel i hverdagen',
  topics: [
    CourseTopic.EVERYDAY_WELLBEING,
    CourseTopic.MEDITATION_RELAXATION,
    CourseTopic.EXERCISE_WELLBEING,
    CourseTopic.POSITIVE_PSYCHOLOGY,
  ],
  startedDaysAgo: 21,
  time: '10:00',
  facilitators: ['anders', 'sofie'] as Staff[],
  location: 'Jobcentret, store mødelokale',
  attendance: {
    per: [AttendanceStatus.PRESENT, AttendanceStatus.PRESENT, AttendanceStatus.PRESENT],
    ulla: [AttendanceStatus.PRESENT, AttendanceStatus.ABSENT, AttendanceStatus.PRESENT],
    svend: [AttendanceStatus.PRESENT, AttendanceStatus.EXCUSED, AttendanceStatus.PRESENT],
    line: [AttendanceStatus.ABSENT, AttendanceStatus.PRESENT, AttendanceStatus.PRESENT],
  } as Partial<Record<Person, AttendanceStatus[]>>,
};

async function insertMeeting(tx: EntityManager, today: string, m: DemoMeeting): Promise<AnyNewEvent[]> {
  const scheduledAt = localAt(today, m.days, m.time);
  const minutes = m.minutes ?? 60;
  const status = m.status ?? MeetingStatus.PLANNED;
  const saved = await tx.getRepository(Meeting).save(
    tx.getRepository(Meeting).create({
      citizenId: demoCitizens[m.who].id,
      kind: m.kind,
      scheduledAt,
      durationMinutes: minutes,
      endsAt: addMinutes(scheduledAt, minutes),
      location: m.location ?? null,
      status,
      summary: m.summary ?? null,
      reason: m.reason ?? null,
      outcomeRecordedAt:
        status === MeetingStatus.PLANNED || status === MeetingStatus.CANCELLED ? null : addMinutes(scheduledAt, minutes + 30),
      placementId: m.placement ?? null,
      createdBy: demoStaff[m.staff[0][0]].id,
    }),
  );
  const participants = [
    { role: ParticipantRole.CITIZEN, staffId: null, name: null },
    ...m.staff.map(([who, role]) => ({ role, staffId: demoStaff[who].id, name: null })),
    ...(m.others ?? []).map(([role, name]) => ({ role, staffId: null, name })),
  ];
  await tx.getRepository(MeetingParticipant).insert(participants.map((p, position) => ({ ...p, meetingId: saved.id, position })));
  const events: AnyNewEvent[] = [
    meetingScheduled(
      saved,
      m.staff.map(([who]) => demoStaff[who].id),
    ),
  ];
  if (status === MeetingStatus.CANCELLED) events.push(meetingCancelled(saved));
  else if (status !== MeetingStatus.PLANNED) events.push(meetingOutcomeRecorded(saved));
  if (m.agreements?.length) {
    const rows = m.agreements.map((a, position) => {
      const responsibleStaffId = a.by in demoStaff ? demoStaff[a.by as Staff].id : null;
      return {
        meetingId: saved.id,
        citizenId: saved.citizenId,
        position,
        text: a.text,
        deadline: a.deadline === null ? null : addDays(today, a.deadline),
        responsible: responsibleStaffId ? (a.role ?? ParticipantRole.OTHER) : (a.by as ParticipantRole),
        responsibleStaffId,
        status: a.status ?? AgreementStatus.OPEN,
        statusChangedAt: a.status ? saved.outcomeRecordedAt : null,
        withdrawnAt: null,
        createdBy: saved.createdBy,
      };
    });
    const inserted = await tx.getRepository(Agreement).insert(rows);
    // The same events the write paths emit: recorded, and the status change where the story has one.
    events.push(
      ...rows.flatMap((row, i) => {
        const agreementId = inserted.identifiers[i].id as string;
        const { meetingId, responsible, responsibleStaffId, deadline, status } = row;
        const common = { aggregateId: agreementId, citizenId: row.citizenId };
        return [
          {
            type: 'agreement.recorded' as const,
            ...common,
            payload: { agreementId, meetingId, responsible, responsibleStaffId, deadline },
          },
          ...(status !== AgreementStatus.OPEN
            ? [{ type: 'agreement.statusChanged' as const, ...common, payload: { agreementId, meetingId, status, deadline, responsible } }]
            : []),
        ];
      }),
    );
  }
  return events;
}

/** Loads the seed stories' meetings and the running course when the database has none. */
export async function seedMeetingsDemo(dataSource: DataSource): Promise<boolean> {
  if ((await dataSource.getRepository(Meeting).count()) > 0) return false;
  const today = todayInCopenhagen();
  await dataSource.transaction(async (tx) => {
    // The seed's events, in the same transaction as its rows (docs/events.md).
    const events: AnyNewEvent[] = [];
    for (const m of meetings) events.push(...(await insertMeeting(tx, today, m)));

    const spans = sessionSpans(localAt(today, -course.startedDaysAgo, course.time));
    const saved = await tx.getRepository(GroupCourse).save(
      tx.getRepository(GroupCourse).create({
        title: course.title,
        topics: course.topics,
        startDate: copenhagenDate(spans[0].startsAt),
        endDate: copenhagenDate(spans[spans.length - 1].startsAt),
        capacity: COURSE_RULES.defaultCapacity,
        location: course.location,
        createdBy: demoStaff.anders.id,
      }),
    );
    events.push(courseCreated(saved, spans.length));
    await tx
      .getRepository(CourseFacilitator)
      .insert(course.facilitators.map((s, position) => ({ courseId: saved.id, staffId: demoStaff[s].id, position })));
    const sessions = await tx.getRepository(GroupSession).save(
      spans.map((span, i) =>
        tx.getRepository(GroupSession).create({
          courseId: saved.id,
          number: i + 1,
          startsAt: span.startsAt,
          endsAt: span.endsAt,
          durationMinutes: COURSE_RULES.sessionMinutes,
        }),
      ),
    );
    for (const [who, statuses] of Object.entries(course.attendance) as [Person, AttendanceStatus[]][]) {
      const citizenId = demoCitizens[who].id;
      await tx.getRepository(Enrollment).insert({ courseId: saved.id, citizenId, enrolledBy: demoStaff.anders.id });
      await tx
        .getRepository(Attendance)
        .insert(statuses.map((status, i) => ({ sessionId: sessions[i].id, citizenId, status, recordedBy: demoStaff.sofie.id })));
      events.push(courseEnrolled(saved.id, citizenId), ...statuses.map((status, i) => attendanceRecorded(sessions[i], citizenId, status)));
    }
    await recordEvents(tx, events);
  });
  return true;
}
