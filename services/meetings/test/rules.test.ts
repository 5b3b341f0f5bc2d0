import { DateTime } from 'luxon';
import type { Actor } from '@jobcenter/kit';
import { BusySpan, describeClash, findClash, overlaps } from '../src/booking/booking.rules';
import {
  defaultFollowUpIntervalDays,
  followUpStatus,
  lastNetworkMeeting,
  networkMeetingOverdue,
  nextMeeting,
  validFollowUpInterval,
} from '../src/cadence/cadence.rules';
import { attendanceRate, checkCapacity, checkFacilitators, decideEnrollment, sessionSpans } from '../src/course/course.rules';
import { MeetingKind, MeetingStatus, ParticipantRole } from '../src/meeting/meeting.enums';
import { decideCancel, decideOutcome, normalizeParticipants } from '../src/meeting/meeting.rules';
import { cleanAgreements, decideStatusChange, isOverdue, matchAmended } from '../src/agreement/agreement.rules';
import { AgreementStatus } from '../src/agreement/agreement.enums';
import { addMonths, copenhagenDate } from '../src/time/copenhagen';

const at = (iso: string) => new Date(iso);
const copenhagen = (d: Date) => DateTime.fromJSDate(d, { zone: 'Europe/Copenhagen' });
const anders = '0b6f3a9e-1c2d-4e5f-8a1b-000000000003';
const sofie = '0b6f3a9e-1c2d-4e5f-8a1b-000000000004';

describe('group course sessions across daylight saving', () => {
  it('keeps 10:00 Copenhagen time after the switch to winter time (25 October 2026)', () => {
    // Thursday 15 October 2026, 10:00 in Copenhagen is 08:00 UTC (summer time, UTC+2).
    const sessions = sessionSpans(at('2026-10-15T08:00:00.000Z'));
    expect(sessions).toHaveLength(8);
    expect(sessions.map((s) => copenhagen(s.startsAt).toFormat('yyyy-MM-dd HH:mm'))).toEqual([
      '2026-10-15 10:00',
      '2026-10-22 10:00',
      '2026-10-29 10:00',
      '2026-11-05 10:00',
      '2026-11-12 10:00',
      '2026-11-19 10:00',
      '2026-11-26 10:00',
      '2026-12-03 10:00',
    ]);
    // In UTC the sessions after the switch start an hour later: same wall clock, different instant.
    expect(sessions[1].startsAt.toISOString()).toBe('2026-10-22T08:00:00.000Z');
    expect(sessions[2].startsAt.toISOString()).toBe('2026-10-29T09:00:00.000Z');
    expect(sessions.every((s) => s.endsAt.getTime() - s.startsAt.getTime() === 90 * 60_000)).toBe(true);
  });

  it('keeps the wall-clock hour across the switch to summer time (28 March 2027)', () => {
    const sessions = sessionSpans(at('2027-03-18T12:30:00.000Z')); // 13:30 winter time
    expect(sessions.map((s) => copenhagen(s.startsAt).toFormat('HH:mm'))).toEqual(Array(8).fill('13:30'));
    expect(sessions[2].startsAt.toISOString()).toBe('2027-04-01T11:30:00.000Z');
  });
});

describe('double-booking', () => {
  const meeting = (start: string, end: string, staffId = anders): BusySpan => ({
    kind: 'MEETING',
    id: 'm-1',
    staffId,
    startsAt: at(start),
    endsAt: at(end),
    label: 'network meeting',
  });

  it('back-to-back meetings (one ends as the next starts) do not clash', () => {
    const busy = [meeting('2026-11-02T09:00:00Z', '2026-11-02T10:00:00Z')];
    expect(overlaps({ startsAt: at('2026-11-02T10:00:00Z'), endsAt: at('2026-11-02T11:00:00Z') }, busy[0])).toBe(false);
    expect(findClash([{ startsAt: at('2026-11-02T10:00:00Z'), endsAt: at('2026-11-02T11:00:00Z') }], [anders], busy)).toBeNull();
    expect(findClash([{ startsAt: at('2026-11-02T08:00:00Z'), endsAt: at('2026-11-02T09:00:00Z') }], [anders], busy)).toBeNull();
  });

  it('an overlap of one minute clashes, as does a meeting inside another', () => {
    const busy = [meeting('2026-11-02T09:00:00Z', '2026-11-02T10:00:00Z')];
    expect(findClash([{ startsAt: at('2026-11-02T09:59:00Z'), endsAt: at('2026-11-02T10:30:00Z') }], [anders], busy)).toBe(busy[0]);
    expect(findClash([{ startsAt: at('2026-11-02T09:15:00Z'), endsAt: at('2026-11-02T09:30:00Z') }], [anders], busy)).toBe(busy[0]);
    expect(findClash([{ startsAt: at('2026-11-02T08:00:00Z'), endsAt: at('2026-11-02T12:00:00Z') }], [anders], busy)).toBe(busy[0]);
  });

  it("only the participants' own bookings count", () => {
    const busy = [meeting('2026-11-02T09:00:00Z', '2026-11-02T10:00:00Z', sofie)];
    expect(findClash([{ startsAt: at('2026-11-02T09:00:00Z'), endsAt: at('2026-11-02T10:00:00Z') }], [anders], busy)).toBeNull();
  });

  it('names the clash and its time in Copenhagen time', () => {
    const text = describeClash(meeting('2026-11-02T09:00:00Z', '2026-11-02T10:00:00Z'));
    expect(text).toContain('meeting m-1 (network meeting)');
    expect(text).toContain('Monday 2 November 2026, 10:00–11:00 (Copenhagen time)');
  });
});

describe('meeting outcomes', () => {
  const now = at('2026-11-02T12:00:00Z');
  const planned = { status: MeetingStatus.PLANNED, scheduledAt: at('2026-11-02T09:00:00Z') };

  it('records an outcome once the meeting has started, not before', () => {
    expect(decideOutcome(planned, { status: MeetingStatus.HELD, summary: 'ok' }, now)).toEqual({
      ok: true,
      amendment: false,
      reason: null,
    });
    const early = decideOutcome({ ...planned, scheduledAt: at('2026-11-02T12:00:01Z') }, { status: MeetingStatus.HELD }, now);
    expect(early).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', message: expect.stringMatching(/not started/) });
  });

  it('treats a second outcome on a held meeting as an amendment', () => {
    expect(decideOutcome({ ...planned, status: MeetingStatus.HELD }, { status: MeetingStatus.HELD, summary: 'v2' }, now)).toEqual({
      ok: true,
      amendment: true,
      reason: null,
    });
  });

  it('refuses an outcome on a cancelled meeting (CONFLICT) and PLANNED/CANCELLED as outcomes', () => {
    expect(decideOutcome({ ...planned, status: MeetingStatus.CANCELLED }, { status: MeetingStatus.HELD }, now)).toMatchObject({
      code: 'CONFLICT',
    });
    expect(decideOutcome(planned, { status: MeetingStatus.CANCELLED }, now)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
  });

  it('an excused absence is an outcome of its own, without minutes', () => {
    expect(decideOutcome(planned, { status: MeetingStatus.EXCUSED, reason: ' Lægetid ' }, now)).toEqual({
      ok: true,
      amendment: false,
      reason: 'Lægetid',
    });
    expect(decideOutcome(planned, { status: MeetingStatus.NO_SHOW, summary: 'x' }, now)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'summary',
    });
  });

  it('an absence keeps its reason: required for EXCUSED, optional for NO_SHOW, refused for HELD', () => {
    expect(decideOutcome(planned, { status: MeetingStatus.EXCUSED }, now)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(decideOutcome(planned, { status: MeetingStatus.NO_SHOW }, now)).toEqual({ ok: true, amendment: false, reason: null });
    expect(decideOutcome(planned, { status: MeetingStatus.NO_SHOW, reason: 'Svarede ikke' }, now)).toMatchObject({
      reason: 'Svarede ikke',
    });
    expect(decideOutcome(planned, { status: MeetingStatus.HELD, reason: 'x' }, now)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    expect(decideOutcome(planned, { status: MeetingStatus.EXCUSED, reason: 'x', agreements: [{}] }, now)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'agreements',
    });
  });

  it('cancels only planned meetings, with a reason', () => {
    expect(decideCancel(planned, '  ')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(decideCancel(planned, ' Sick ')).toEqual({ ok: true, reason: 'Sick' });
    expect(decideCancel({ ...planned, status: MeetingStatus.HELD }, 'x')).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('participants', () => {
  const actor: Actor = { id: anders, role: 'RESOURCE_CONSULTANT', name: 'Anders Lund', team: 'Team Ryslinge' };

  it('defaults to the staff member booking, in their own role', () => {
    expect(normalizeParticipants(undefined, actor)).toEqual({
      ok: true,
      participants: [{ role: ParticipantRole.RESOURCE_CONSULTANT, staffId: anders, name: 'Anders Lund' }],
    });
  });

  it('requires a staff id for staff roles, a name for network roles, and no one twice', () => {
    expect(normalizeParticipants([{ role: ParticipantRole.CASEWORKER }], actor)).toMatchObject({
      ok: false,
      field: 'participants.0.staffId',
    });
    expect(normalizeParticipants([{ role: ParticipantRole.RELATIVE }], actor)).toMatchObject({ ok: false, field: 'participants.0.name' });
    expect(
      normalizeParticipants(
        [
          { role: ParticipantRole.CASEWORKER, staffId: sofie },
          { role: ParticipantRole.JOB_CONSULTANT, staffId: sofie },
        ],
        actor,
      ),
    ).toMatchObject({ ok: false, field: 'participants.1.staffId' });
    expect(normalizeParticipants([{ role: ParticipantRole.CASEWORKER, staffId: 'not-an-id' }], actor)).toMatchObject({ ok: false });
  });
});

describe('course rules', () => {
  it('needs exactly two different facilitators', () => {
    expect(checkFacilitators([anders, sofie])).toEqual({ ok: true, ids: [anders, sofie] });
    expect(checkFacilitators([anders])).toMatchObject({ ok: false, field: 'facilitatorIds' });
    expect(checkFacilitators([anders, anders])).toMatchObject({ ok: false, message: expect.stringMatching(/2 different/) });
  });

  it('takes at most 12 citizens, 12 by default', () => {
    expect(checkCapacity(undefined)).toEqual({ ok: true, capacity: 12 });
    expect(checkCapacity(8)).toEqual({ ok: true, capacity: 8 });
    expect(checkCapacity(13)).toMatchObject({ ok: false, field: 'capacity' });
    expect(checkCapacity(0)).toMatchObject({ ok: false });
  });

  it('refuses the thirteenth citizen and a second enrolment', () => {
    expect(decideEnrollment({ enrolled: 11, capacity: 12, alreadyEnrolled: false, title: 'T' })).toEqual({ ok: true });
    expect(decideEnrollment({ enrolled: 12, capacity: 12, alreadyEnrolled: false, title: 'T' })).toMatchObject({
      message: expect.stringMatching(/full/),
    });
    expect(decideEnrollment({ enrolled: 3, capacity: 12, alreadyEnrolled: true, title: 'T' })).toMatchObject({
      message: expect.stringMatching(/already/),
    });
  });

  it('counts a lawful excuse neither for nor against the attendance rate', () => {
    expect(attendanceRate(0, 0)).toBeNull();
    expect(attendanceRate(3, 1)).toBe(0.75);
    expect(attendanceRate(2, 1)).toBe(0.667);
  });
});

describe('cadence', () => {
  const m = (kind: MeetingKind, status: MeetingStatus, iso: string) => ({ kind, status, scheduledAt: at(iso) });

  it('a network meeting more than 3 months ago is overdue; 3 months exactly is not', () => {
    const last = m(MeetingKind.NETWORK_MEETING, MeetingStatus.HELD, '2026-08-02T08:00:00Z');
    expect(networkMeetingOverdue(last, '2026-01-01', '2026-11-02')).toBe(false);
    expect(networkMeetingOverdue(last, '2026-01-01', '2026-11-03')).toBe(true);
  });

  it('without any network meeting, the enrolment date counts', () => {
    expect(networkMeetingOverdue(null, '2026-09-01', '2026-11-02')).toBe(false);
    expect(networkMeetingOverdue(null, '2026-07-01', '2026-11-02')).toBe(true);
  });

  it('only held network meetings count; the next meeting is the next planned one', () => {
    const meetings = [
      m(MeetingKind.NETWORK_MEETING, MeetingStatus.HELD, '2026-06-01T08:00:00Z'),
      m(MeetingKind.NETWORK_MEETING, MeetingStatus.CANCELLED, '2026-09-01T08:00:00Z'),
      m(MeetingKind.FOLLOW_UP, MeetingStatus.PLANNED, '2026-11-20T08:00:00Z'),
      m(MeetingKind.FOLLOW_UP, MeetingStatus.CANCELLED, '2026-11-10T08:00:00Z'),
    ];
    expect(lastNetworkMeeting(meetings)?.scheduledAt.toISOString()).toBe('2026-06-01T08:00:00.000Z');
    expect(nextMeeting(meetings, at('2026-11-02T12:00:00Z'))?.scheduledAt.toISOString()).toBe('2026-11-20T08:00:00.000Z');
  });

  it('follow-up is due 14 days after the last held contact unless the next one is booked', () => {
    const held = m(MeetingKind.WALK_AND_TALK, MeetingStatus.HELD, '2026-10-19T08:00:00Z');
    expect(followUpStatus([held], at('2026-11-01T12:00:00Z'))).toEqual({ dueOn: '2026-11-02', due: false, overdue: false });
    expect(followUpStatus([held], at('2026-11-02T12:00:00Z'))).toEqual({ dueOn: '2026-11-02', due: true, overdue: false });
    expect(followUpStatus([held], at('2026-11-03T12:00:00Z'))).toEqual({ dueOn: '2026-11-02', due: true, overdue: true });
    const booked = m(MeetingKind.FOLLOW_UP, MeetingStatus.PLANNED, '2026-11-04T08:00:00Z');
    expect(followUpStatus([held, booked], at('2026-11-02T12:00:00Z'))).toEqual({ dueOn: '2026-11-02', due: false, overdue: false });
    // On a 28-day rhythm (job-ready) the same contact makes the next one due four weeks on.
    expect(followUpStatus([held], at('2026-11-02T12:00:00Z'), 28)).toEqual({ dueOn: '2026-11-16', due: false, overdue: false });
  });
});

describe('calendar helpers', () => {
  it('adds months on the calendar, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-05-31', -3)).toBe('2026-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-08-02', 3)).toBe('2026-11-02');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-01-31', -13)).toBe('2024-12-31');
  });

  it('gives the Copenhagen date of an instant, across midnight and both daylight-saving switches', () => {
    // Winter (UTC+1): the day starts at 23:00 UTC.
    expect(copenhagenDate(at('2026-11-23T22:59:59.999Z'))).toBe('2026-11-23');
    expect(copenhagenDate(at('2026-11-23T23:00:00.000Z'))).toBe('2026-11-24');
    // Summer (UTC+2): at 22:00 UTC.
    expect(copenhagenDate(at('2026-07-01T21:59:59.999Z'))).toBe('2026-07-01');
    expect(copenhagenDate(at('2026-07-01T22:00:00.000Z'))).toBe('2026-07-02');
    // Around the switches (29 March and 25 October 2026, at 01:00 UTC), asked in time order and back.
    for (const [iso, date] of [
      ['2026-03-28T22:59:00Z', '2026-03-28'],
      ['2026-03-28T23:00:00Z', '2026-03-29'],
      ['2026-03-29T21:59:00Z', '2026-03-29'],
      ['2026-03-29T22:00:00Z', '2026-03-30'],
      ['2026-10-24T21:59:00Z', '2026-10-24'],
      ['2026-10-24T22:00:00Z', '2026-10-25'],
      ['2026-10-25T22:59:00Z', '2026-10-25'],
      ['2026-10-25T23:00:00Z', '2026-10-26'],
      ['2026-03-28T22:59:00Z', '2026-03-28'],
    ]) {
      expect(copenhagenDate(at(iso))).toBe(date);
      expect(copenhagenDate(at(iso))).toBe(copenhagen(at(iso)).toISODate());
    }
  });
});

describe('agreements as tasks', () => {
  const staffId = '6f1c2b1e-8a57-4f36-9a43-0c4c1f7e0d11';

  it('needs words, a deadline not before the meeting, and who carries it (the citizen when left out)', () => {
    expect(cleanAgreements([{ text: '  Søg højskole ', deadline: '2026-11-20' }], '2026-11-02')).toEqual({
      ok: true,
      agreements: [{ text: 'Søg højskole', deadline: '2026-11-20', responsible: ParticipantRole.CITIZEN, responsibleStaffId: null }],
    });
    expect(cleanAgreements([{ text: 'x', deadline: '2026-11-01' }], '2026-11-02')).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'agreements.0.deadline',
    });
    expect(cleanAgreements([{ text: 'x', deadline: '2026-11-02' }], '2026-11-02')).toMatchObject({ ok: true });
    expect(cleanAgreements([{ text: ' ' }], '2026-11-02')).toMatchObject({ field: 'agreements.0.text' });
  });

  it('a staff role names the staff member; other roles name nobody by id', () => {
    const jc = ParticipantRole.JOB_CONSULTANT;
    expect(cleanAgreements([{ text: 'x', responsible: jc }], '2026-11-02')).toMatchObject({ field: 'agreements.0.responsibleStaffId' });
    expect(cleanAgreements([{ text: 'x', responsible: jc, responsibleStaffId: staffId }], '2026-11-02')).toMatchObject({ ok: true });
    expect(
      cleanAgreements([{ text: 'x', responsible: ParticipantRole.RELATIVE, responsibleStaffId: staffId }], '2026-11-02'),
    ).toMatchObject({
      field: 'agreements.0.responsibleStaffId',
    });
    expect(cleanAgreements([{ text: 'x', responsibleStaffId: staffId }], '2026-11-02')).toMatchObject({
      field: 'agreements.0.responsible',
    });
    expect(cleanAgreements([{ text: 'x', responsible: ParticipantRole.EMPLOYER }], '2026-11-02')).toMatchObject({ ok: true });
  });

  it('is overdue when OPEN and past its deadline (a Copenhagen date), never when done or without a deadline', () => {
    expect(isOverdue({ status: AgreementStatus.OPEN, deadline: '2026-11-01' }, '2026-11-02')).toBe(true);
    expect(isOverdue({ status: AgreementStatus.OPEN, deadline: '2026-11-02' }, '2026-11-02')).toBe(false);
    expect(isOverdue({ status: AgreementStatus.DONE, deadline: '2026-11-01' }, '2026-11-02')).toBe(false);
    expect(isOverdue({ status: AgreementStatus.OPEN, deadline: null }, '2026-11-02')).toBe(false);
  });

  it('staff set any status (a note to drop); the citizen marks their own done, never drops', () => {
    const open = { status: AgreementStatus.OPEN, responsible: ParticipantRole.CITIZEN, withdrawnAt: null };
    expect(decideStatusChange(open, { role: 'CASEWORKER' }, AgreementStatus.DROPPED, ' ')).toMatchObject({ field: 'note' });
    expect(decideStatusChange(open, { role: 'CASEWORKER' }, AgreementStatus.DROPPED, ' Ikke aktuelt ')).toEqual({
      ok: true,
      note: 'Ikke aktuelt',
    });
    expect(decideStatusChange(open, { role: 'CITIZEN' }, AgreementStatus.DONE, null)).toEqual({ ok: true, note: null });
    expect(decideStatusChange(open, { role: 'CITIZEN' }, AgreementStatus.DROPPED, 'x')).toMatchObject({ code: 'FORBIDDEN' });
    const staffs = { ...open, responsible: ParticipantRole.CASEWORKER };
    expect(decideStatusChange(staffs, { role: 'CITIZEN' }, AgreementStatus.DONE, null)).toMatchObject({ code: 'FORBIDDEN' });
    expect(decideStatusChange(open, { role: 'CASEWORKER' }, AgreementStatus.OPEN, null)).toMatchObject({ code: 'CONFLICT' });
  });

  it('a corrected outcome keeps unchanged agreements (id, status) and withdraws the rest', () => {
    const draft = (text: string) => ({ text, deadline: null, responsible: ParticipantRole.CITIZEN, responsibleStaffId: null });
    const existing = [
      { ...draft('A'), id: 'a' },
      { ...draft('B'), id: 'b' },
    ];
    const { keep, insert, withdraw } = matchAmended(existing, [draft('B'), draft('C')]);
    expect(keep).toEqual([{ row: existing[1], position: 0 }]);
    expect(insert).toEqual([{ draft: draft('C'), position: 1 }]);
    expect(withdraw).toEqual([existing[0]]);
  });

  it('the follow-up interval defaults by target group (14; job-ready 28) and may be set to 7–90 days', () => {
    expect(defaultFollowUpIntervalDays('ACTIVITY_READY')).toBe(14);
    expect(defaultFollowUpIntervalDays('JOB_READY')).toBe(28);
    expect(defaultFollowUpIntervalDays(null)).toBe(14);
    expect([6, 7, 90, 91, 7.5].map(validFollowUpInterval)).toEqual([false, true, true, false, false]);
  });
});
