import * as da from './danish';
import { copenhagenInstant, dayNumber, plusDays, Random, weekday } from './random';
import { Table } from './table';
import { Citizen, HISTORY_DAYS, minDate, Staff, World } from './world';

/**
 * The meetings subgraph's tables: group courses first (8 weekly sessions, 2 facilitators,
 * enrolments and attendance), then each citizen's follow-ups (~every 14 days; 28 for groups
 * close to the labour market), network meetings (every 2–3 months, some late) and placement
 * kick-offs. Every staff member's calendar is kept in half-hour slots, so no two bookings of a
 * staff member overlap, as the service's booking check requires.
 */
export interface MeetingsResult {
  tables: Table[];
  /** Per citizen id: days of the network meetings that were held (plan periods are written at them). */
  heldNetworkMeetings: Map<string, string[]>;
}

const SLOT_MINUTES = 30;
const FIRST_SLOT = 8 * 60; // 08:00
const SLOTS_PER_DAY = 16; // until 16:00
const FUTURE_DAYS = 90;

class Calendars {
  private readonly busy = new Map<string, Uint8Array>();
  private readonly firstDay: number;
  private readonly days: number;

  constructor(historyStart: string) {
    this.firstDay = dayNumber(historyStart) - 7;
    this.days = HISTORY_DAYS + FUTURE_DAYS + 14;
  }

  private of(staffId: string): Uint8Array {
    let map = this.busy.get(staffId);
    if (!map) this.busy.set(staffId, (map = new Uint8Array(this.days * SLOTS_PER_DAY)));
    return map;
  }

  free(staffIds: readonly string[], date: string, slot: number, length: number): boolean {
    const day = dayNumber(date) - this.firstDay;
    if (day < 0 || day >= this.days || slot + length > SLOTS_PER_DAY) return false;
    return staffIds.every((id) => {
      const map = this.of(id);
      for (let s = slot; s < slot + length; s++) if (map[day * SLOTS_PER_DAY + s]) return false;
      return true;
    });
  }

  take(staffIds: readonly string[], date: string, slot: number, length: number): void {
    const day = dayNumber(date) - this.firstDay;
    for (const id of staffIds) {
      const map = this.of(id);
      for (let s = slot; s < slot + length; s++) map[day * SLOTS_PER_DAY + s] = 1;
    }
  }

  /** The first weekday near `date` (same day, then one day later, earlier, …) with a free slot for everyone. */
  book(staffIds: readonly string[], date: string, length: number, r: Random): { date: string; slot: number } | null {
    const offset = r.int(0, SLOTS_PER_DAY - length);
    for (const shift of [0, 1, -1, 2, -2, 3, -3, 4, 5, 6, 7]) {
      const day = plusDays(date, shift);
      if (weekday(day) > 4) continue;
      for (let k = 0; k <= SLOTS_PER_DAY - length; k++) {
        const slot = (offset + k) % (SLOTS_PER_DAY - length + 1);
        if (this.free(staffIds, day, slot, length)) {
          this.take(staffIds, day, slot, length);
          return { date: day, slot };
        }
      }
    }
    return null;
  }
}

const TOPICS = Object.keys(da.COURSE_TITLES);
const CLOSE_TO_WORK = new Set(['JOB_READY', 'UNEMPLOYMENT_INSURANCE', 'NEW_GRADUATE', 'EDUCATION_READY']);

export function meetingsTables(world: World): MeetingsResult {
  const { seed, today } = world.options;
  const calendars = new Calendars(world.historyStart);
  const course = new Table('group_course', [
    'id',
    'title',
    'topics',
    'start_date',
    'end_date',
    'capacity',
    'location',
    'created_by',
    'created_at',
  ]);
  const session = new Table('group_session', ['id', 'course_id', 'number', 'starts_at', 'duration_minutes', 'ends_at']);
  const facilitator = new Table('course_facilitator', ['course_id', 'staff_id', 'position']);
  const enrollment = new Table('enrollment', ['id', 'course_id', 'citizen_id', 'enrolled_at', 'enrolled_by']);
  const attendance = new Table('attendance', ['session_id', 'citizen_id', 'status', 'recorded_at', 'recorded_by']);
  const meeting = new Table('meeting', [
    'id',
    'citizen_id',
    'kind',
    'scheduled_at',
    'duration_minutes',
    'ends_at',
    'location',
    'status',
    'summary',
    'reason',
    'outcome_recorded_at',
    'created_by',
    'created_at',
    'updated_at',
  ]);
  const participant = new Table('meeting_participant', ['id', 'meeting_id', 'role', 'staff_id', 'name', 'position']);
  // Agreements as tasks (issue 18): the citizen or the meeting's first staff member carries each.
  const agreement = new Table('agreement', [
    'id',
    'meeting_id',
    'citizen_id',
    'position',
    'text',
    'deadline',
    'responsible',
    'responsible_staff_id',
    'status',
    'status_changed_at',
    'withdrawn_at',
    'created_by',
    'created_at',
  ]);
  const at = (date: string, minutes: number) => copenhagenInstant(date, minutes);
  const now = at(today, 8 * 60);

  // Group courses: each team starts one about every six weeks, run by two of its resource consultants.
  const courseEnd = new Map<string, string>(); // citizen id → last day of their latest course
  const byTeam = new Map<string, Citizen[]>();
  for (const c of world.citizens) {
    const list = byTeam.get(c.team.name);
    if (list) list.push(c);
    else byTeam.set(c.team.name, [c]);
  }
  for (const team of world.teams) {
    const r = new Random(`${seed}:courses:${team.name}`);
    for (let start = plusDays(world.historyStart, r.int(14, 42)); start <= plusDays(today, 28); start = plusDays(start, r.int(35, 49))) {
      const [a, b] = r.sample(team.resourceConsultants, 2);
      const ids = [a.id, b.id];
      let first: { date: string; slot: number } | null = null;
      for (const shift of [1, 2, 3, 0, 4]) {
        const day = plusDays(start, shift - weekday(start) + (weekday(start) > shift ? 7 : 0));
        for (const slot of [10, 2, 12, 4]) {
          const dates = Array.from({ length: 8 }, (_, w) => plusDays(day, 7 * w));
          if (dates.every((d) => calendars.free(ids, d, slot, 3))) {
            dates.forEach((d) => calendars.take(ids, d, slot, 3));
            first = { date: day, slot };
            break;
          }
        }
        if (first) break;
      }
      if (!first) continue;
      const dates = Array.from({ length: 8 }, (_, w) => plusDays(first!.date, 7 * w));
      const last = dates[7];
      const candidates = (byTeam.get(team.name) ?? []).filter(
        (c) =>
          c.enrolledAt <= plusDays(first!.date, -14) &&
          (c.endedAt === null || c.endedAt >= last) &&
          (courseEnd.get(c.id) ?? '') < first!.date,
      );
      const enrolled = r.sample(candidates, r.int(8, 12));
      if (enrolled.length === 0) continue;
      const topic = r.pick(TOPICS);
      const courseId = r.uuid();
      const minutes = FIRST_SLOT + first.slot * SLOT_MINUTES;
      course.add([
        courseId,
        da.COURSE_TITLES[topic],
        r.chance(0.3) ? [topic, r.pick(TOPICS.filter((t) => t !== topic))] : [topic],
        first.date,
        last,
        12,
        r.pick(da.LOCATIONS.slice(0, 2)),
        a.id,
        at(minDate(today, plusDays(first.date, -21)), 9 * 60),
      ]);
      facilitator.add([courseId, a.id, 0]);
      facilitator.add([courseId, b.id, 1]);
      const sessionIds = dates.map((d, n) => {
        const id = r.uuid();
        session.add([id, courseId, n + 1, at(d, minutes), 90, at(d, minutes + 90)]);
        return id;
      });
      for (const c of enrolled) {
        courseEnd.set(c.id, last);
        enrollment.add([r.uuid(), courseId, c.id, at(minDate(today, plusDays(first.date, -r.int(3, 14))), 10 * 60), a.id]);
        const keen = r.next();
        dates.forEach((d, n) => {
          if (d >= today) return;
          const status = r.next() < 0.6 + keen * 0.35 ? 'PRESENT' : r.chance(0.6) ? 'ABSENT' : 'EXCUSED';
          attendance.add([sessionIds[n], c.id, status, at(d, minutes + 120), a.id]);
        });
      }
    }
  }

  // Each citizen's own meetings, in citizen order (deterministic calendars).
  const heldNetworkMeetings = new Map<string, string[]>();
  for (const c of world.citizens) {
    const r = new Random(`${seed}:meetings:${c.index}`);
    const end = c.endedAt ?? plusDays(today, 14);
    const caseworkerOn = (d: string): Staff =>
      c.previousCaseworker && c.handoverOn && d < c.handoverOn ? c.previousCaseworker : c.caseworker;
    const jobConsultantOn = (d: string): Staff | null => (c.jobConsultant && d >= c.placements[0].proposedOn ? c.jobConsultant : null);
    const held: string[] = [];

    const add = (
      kind: string,
      wanted: string,
      minutes: number,
      staff: { role: string; staff: Staff }[],
      others: { role: string; name: string }[],
      location: string,
      futureDays: number,
    ) => {
      if (wanted < c.enrolledAt) return;
      const slot = calendars.book(
        staff.map((s) => s.staff.id),
        wanted,
        minutes / SLOT_MINUTES,
        r,
      );
      if (!slot || slot.date < c.enrolledAt || (c.endedAt && slot.date > c.endedAt) || slot.date > plusDays(today, futureDays)) return;
      const startMin = FIRST_SLOT + slot.slot * SLOT_MINUTES;
      const scheduledAt = at(slot.date, startMin);
      const endsAt = at(slot.date, startMin + minutes);
      let status = 'PLANNED';
      if (slot.date < today) {
        status =
          kind === 'NETWORK_MEETING' || kind === 'PLACEMENT_KICKOFF'
            ? r.weighted({ HELD: 88, CANCELLED: 7, EXCUSED: 5 })
            : r.weighted({ HELD: 84, NO_SHOW: 6, EXCUSED: 5, CANCELLED: 5 });
      }
      const heldIt = status === 'HELD';
      const outcomeAt = status !== 'PLANNED' && status !== 'CANCELLED' ? new Date(endsAt.getTime() + r.int(10, 180) * 60_000) : null;
      const createdAt = new Date(Math.min(now.getTime(), scheduledAt.getTime() - r.int(2, 14) * 86_400_000));
      const agreements =
        heldIt && r.chance(0.5)
          ? r.sample(da.AGREEMENTS, r.int(1, 2)).map((text) => ({ text, deadline: r.chance(0.5) ? plusDays(slot.date, 14) : null }))
          : [];
      const id = r.uuid();
      meeting.add([
        id,
        c.id,
        kind,
        scheduledAt,
        minutes,
        endsAt,
        location,
        status,
        heldIt && r.chance(0.7) ? r.pick(da.MEETING_SUMMARIES) : null,
        status === 'CANCELLED'
          ? r.pick(['Borgeren meldte afbud', 'Sygdom hos konsulenten', 'Flyttet efter aftale'])
          : status === 'EXCUSED'
            ? r.pick(['Lægetid', 'Sygdom', 'Barn syg'])
            : null,
        outcomeAt,
        staff[0].staff.id,
        createdAt,
        outcomeAt ?? (status === 'CANCELLED' ? new Date(Math.min(now.getTime(), scheduledAt.getTime() - 86_400_000)) : createdAt),
      ]);
      agreements.forEach((a, i) => {
        const byStaff = r.chance(0.4);
        const done = a.deadline !== null && a.deadline < today && r.chance(0.7);
        agreement.add([
          r.uuid(),
          id,
          c.id,
          i,
          a.text,
          a.deadline,
          byStaff ? staff[0].role : 'CITIZEN',
          byStaff ? staff[0].staff.id : null,
          done ? 'DONE' : 'OPEN',
          done ? outcomeAt : null,
          null,
          staff[0].staff.id,
          outcomeAt,
        ]);
      });
      let position = 0;
      participant.add([r.uuid(), id, 'CITIZEN', null, null, position++]);
      for (const s of staff) participant.add([r.uuid(), id, s.role, s.staff.id, null, position++]);
      for (const o of others) participant.add([r.uuid(), id, o.role, null, o.name, position++]);
      if (kind === 'NETWORK_MEETING' && heldIt) held.push(slot.date);
    };

    // Follow-up conversations with the resource consultant; a paused citizen has none in the last two months.
    const interval = CLOSE_TO_WORK.has(c.targetGroup) ? 28 : 14;
    const followUpEnd = c.status === 'PAUSED' ? plusDays(today, -60) : end;
    for (let d = plusDays(c.enrolledAt, r.int(3, 10)); d <= followUpEnd; d = plusDays(d, interval + r.int(-3, 3))) {
      const kind = r.weighted({ FOLLOW_UP: 70, WALK_AND_TALK: 20, HOME_VISIT: 10 });
      const location =
        kind === 'HOME_VISIT'
          ? 'Hjemme hos borgeren'
          : kind === 'WALK_AND_TALK'
            ? 'Gåtur fra jobcentret'
            : r.pick(da.LOCATIONS.slice(0, 2));
      add(kind, d, kind === 'FOLLOW_UP' ? 30 : 60, [{ role: 'RESOURCE_CONSULTANT', staff: c.resourceConsultant }], [], location, 14);
    }
    // Network meetings every 2–3 months; some citizens go longer (network meeting overdue).
    const late = r.chance(0.15);
    for (
      let d = plusDays(c.enrolledAt, r.int(21, 45));
      d <= end;
      d = plusDays(d, late && r.chance(0.4) ? r.int(100, 150) : r.int(60, 90))
    ) {
      const staff = [
        { role: 'CASEWORKER', staff: caseworkerOn(d) },
        { role: 'RESOURCE_CONSULTANT', staff: c.resourceConsultant },
      ];
      const jc = jobConsultantOn(d);
      if (jc) staff.push({ role: 'JOB_CONSULTANT', staff: jc });
      const others = r.chance(0.3) ? [{ role: 'RELATIVE', name: `${r.pick(da.FEMALE_NAMES)} ${c.lastName}` }] : [];
      add('NETWORK_MEETING', d, 60, staff, others, r.pick(da.LOCATIONS.slice(0, 2)), 30);
    }
    // A kick-off with the company, resource consultant and job consultant when a placement starts.
    for (const p of c.placements) {
      if (p.status === 'PROPOSED' || (p.status === 'CANCELLED' && p.endedOn === p.start) || !c.jobConsultant) continue;
      add(
        'PLACEMENT_KICKOFF',
        p.start,
        60,
        [
          { role: 'JOB_CONSULTANT', staff: c.jobConsultant },
          { role: 'RESOURCE_CONSULTANT', staff: c.resourceConsultant },
        ],
        [{ role: 'EMPLOYER', name: p.company.contact.name }],
        p.company.name.slice(0, 200),
        45,
      );
    }
    heldNetworkMeetings.set(c.id, held.sort());
  }
  return {
    tables: [
      course.done(),
      session.done(),
      facilitator.done(),
      enrollment.done(),
      attendance.done(),
      meeting.done(),
      participant.done(),
      agreement.done(),
    ],
    heldNetworkMeetings,
  };
}
