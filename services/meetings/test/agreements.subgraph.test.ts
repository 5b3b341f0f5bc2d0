import { randomUUID } from 'node:crypto';
import { errorCode, GraphQLResponse, startTestGrants, startTestSubgraph, TestGrants, TestSubgraph } from '@jobcenter/kit/testing';
import type { Actor } from '@jobcenter/kit';
import { meetingsSubgraph } from '../src/server';
import { caseworker, citizen, consultant, daysFromNow, jobConsultant, recordOutcome, scheduleMeeting } from './builders';

/** Agreements as tasks, the reason of an absence and the follow-up rhythm, on the meetings subgraph alone. */
let subgraph: TestSubgraph;
let grants: TestGrants;

beforeAll(async () => {
  grants = await startTestGrants();
  subgraph = await startTestSubgraph(meetingsSubgraph);
});
afterAll(async () => {
  await subgraph.stop();
  await grants.stop();
});

function person(...staff: Actor[]): ReturnType<typeof randomUUID> {
  const id = randomUUID();
  for (const s of staff) grants.assign(s, id);
  return id;
}

const dateOf = (d: Date) => d.toISOString().slice(0, 10);
const errorField = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.field;
const AGREEMENT = `id text deadline status responsible responsibleStaff { id } overdue meeting { id }`;

async function held(by: Actor, citizenId: string, daysAgo: number, agreements: unknown[]) {
  const m = await scheduleMeeting(subgraph, by, { citizenId, scheduledAt: daysFromNow(-daysAgo) });
  const res = await subgraph.as(
    by,
    `mutation($id: ID!, $input: MeetingOutcomeInput!) { recordMeetingOutcome(id: $id, input: $input) { id agreements { ${AGREEMENT} } } }`,
    { id: m.id, input: { status: 'HELD', summary: 'Referat', agreements } },
  );
  expect(res.errors).toBeUndefined();
  return res.data.recordMeetingOutcome as { id: string; agreements: { id: string; status: string; overdue: boolean }[] };
}

describe('agreements from a held meeting', () => {
  it('get an id, who carries them, a status and overdue; the citizen and the open ones are listed', async () => {
    const anders = consultant();
    const jens = jobConsultant();
    const per = person(anders);
    const m = await held(anders, per, 20, [
      { text: 'Per søger højskolen', deadline: dateOf(daysFromNow(-5)) },
      { text: 'Jens ringer til værkstedet', deadline: dateOf(daysFromNow(10)), responsible: 'JOB_CONSULTANT', responsibleStaffId: jens.id },
      { text: 'Mor deltager næste gang', responsible: 'RELATIVE' },
    ]);
    expect(m.agreements).toEqual([
      expect.objectContaining({
        text: 'Per søger højskolen',
        status: 'OPEN',
        responsible: 'CITIZEN',
        responsibleStaff: null,
        overdue: true,
      }),
      expect.objectContaining({ responsible: 'JOB_CONSULTANT', responsibleStaff: { id: jens.id }, overdue: false }),
      expect.objectContaining({ responsible: 'RELATIVE', deadline: null, overdue: false, meeting: { id: m.id } }),
    ]);
    const own = await subgraph.as(
      citizen(per),
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen {
        openAgreements { text } overdueAgreements { text } } } }`,
      { r: [{ __typename: 'Citizen', id: per }] },
    );
    expect(own.errors).toBeUndefined();
    expect(own.data._entities[0]).toEqual({
      openAgreements: [{ text: 'Per søger højskolen' }, { text: 'Jens ringer til værkstedet' }, { text: 'Mor deltager næste gang' }],
      overdueAgreements: [{ text: 'Per søger højskolen' }],
    });
  });

  it('refuses a deadline before the meeting, at its field', async () => {
    const anders = consultant();
    const m = await scheduleMeeting(subgraph, anders, { citizenId: person(anders), scheduledAt: daysFromNow(-2) });
    const res = await subgraph.as(
      anders,
      `mutation($id: ID!, $d: Date!) { recordMeetingOutcome(id: $id, input: { status: HELD, agreements: [{ text: "ok" }, { text: "x", deadline: $d }] }) { id } }`,
      { id: m.id, d: dateOf(daysFromNow(-3)) },
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(errorField(res)).toBe('agreements.1.deadline');
  });

  it('the next meeting lists the open agreements from earlier meetings', async () => {
    const anders = consultant();
    const per = person(anders);
    const first = await held(anders, per, 30, [{ text: 'Første aftale' }, { text: 'Klaret aftale' }]);
    await held(anders, per, 10, [{ text: 'Anden aftale' }]);
    await subgraph.as(anders, `mutation($id: ID!) { setAgreementStatus(id: $id, status: DONE, note: "Klaret") { id } }`, {
      id: first.agreements[1].id,
    });
    const next = await scheduleMeeting(subgraph, anders, { citizenId: per, scheduledAt: daysFromNow(5) });
    const res = await subgraph.as(anders, `query($id: ID!) { meeting(id: $id) { openAgreementsBefore { text } } }`, { id: next.id });
    expect(res.data.meeting.openAgreementsBefore).toEqual([{ text: 'Første aftale' }, { text: 'Anden aftale' }]);
  });

  it('a correction keeps an unchanged agreement (id, status) and keeps the previous list', async () => {
    const anders = consultant();
    const per = person(anders);
    const m = await held(anders, per, 4, [{ text: 'A' }, { text: 'B' }]);
    await subgraph.as(anders, `mutation($id: ID!) { setAgreementStatus(id: $id, status: DONE) { id } }`, { id: m.agreements[1].id });
    const res = await subgraph.as(
      anders,
      `mutation($id: ID!) { recordMeetingOutcome(id: $id, input: { status: HELD, agreements: [{ text: "B" }, { text: "C" }] }) {
        agreements { id text status } amendments { previousAgreements { id text status } } } }`,
      { id: m.id },
    );
    expect(res.errors).toBeUndefined();
    const out = res.data.recordMeetingOutcome;
    expect(out.agreements[0]).toEqual({ id: m.agreements[1].id, text: 'B', status: 'DONE' });
    expect(out.agreements[1]).toMatchObject({ text: 'C', status: 'OPEN' });
    expect(out.amendments[0].previousAgreements).toEqual([
      { id: m.agreements[0].id, text: 'A', status: 'OPEN' },
      { id: m.agreements[1].id, text: 'B', status: 'DONE' },
    ]);
  });
});

describe('setAgreementStatus', () => {
  it('keeps the history with notes; dropping needs a note', async () => {
    const anders = consultant();
    const inger = caseworker();
    const per = person(anders, inger);
    const [a] = (await held(anders, per, 3, [{ text: 'Søg job' }])).agreements;
    const noNote = await subgraph.as(inger, `mutation($id: ID!) { setAgreementStatus(id: $id, status: DROPPED) { id } }`, { id: a.id });
    expect(errorCode(noNote)).toBe('BAD_USER_INPUT');
    expect(errorField(noNote)).toBe('note');
    await subgraph.as(anders, `mutation($id: ID!) { setAgreementStatus(id: $id, status: DONE, note: "Sendt 3 ansøgninger") { id } }`, {
      id: a.id,
    });
    const res = await subgraph.as(
      inger,
      `mutation($id: ID!) { setAgreementStatus(id: $id, status: OPEN, note: "Ikke nok") { status history { changedByRole previousStatus status note } } }`,
      { id: a.id },
    );
    expect(res.data.setAgreementStatus).toEqual({
      status: 'OPEN',
      history: [
        { changedByRole: 'RESOURCE_CONSULTANT', previousStatus: 'OPEN', status: 'DONE', note: 'Sendt 3 ansøgninger' },
        { changedByRole: 'CASEWORKER', previousStatus: 'DONE', status: 'OPEN', note: 'Ikke nok' },
      ],
    });
  });

  it('the citizen marks their own agreement done, not staff ones; another citizen gets NOT_FOUND; outside staff FORBIDDEN', async () => {
    const anders = consultant();
    const per = person(anders);
    const [mine, theirs] = (
      await held(anders, per, 3, [
        { text: 'Per ringer' },
        { text: 'Anders ringer', responsible: 'RESOURCE_CONSULTANT', responsibleStaffId: anders.id },
      ])
    ).agreements;
    const set = (who: Actor, id: string, status: string) =>
      subgraph.as(who, `mutation($id: ID!, $s: AgreementStatus!) { setAgreementStatus(id: $id, status: $s) { status } }`, {
        id,
        s: status,
      });
    expect((await set(citizen(per), mine.id, 'DONE')).data.setAgreementStatus).toEqual({ status: 'DONE' });
    expect(errorCode(await set(citizen(per), theirs.id, 'DONE'))).toBe('FORBIDDEN');
    expect(errorCode(await set(citizen(), mine.id, 'OPEN'))).toBe('NOT_FOUND');
    expect(errorCode(await set(consultant('Ukendt'), mine.id, 'OPEN'))).toBe('FORBIDDEN');
    expect(errorCode(await set(anders, randomUUID(), 'DONE'))).toBe('NOT_FOUND');
  });
});

describe('an absence keeps its reason', () => {
  it('EXCUSED with the lawful excuse, NO_SHOW with what is known; minutes only for a held meeting', async () => {
    const anders = consultant();
    const per = person(anders);
    const m = await scheduleMeeting(subgraph, anders, { citizenId: per, scheduledAt: daysFromNow(-1, 6) });
    const noReason = await subgraph.as(anders, `mutation($id: ID!) { recordMeetingOutcome(id: $id, input: { status: EXCUSED }) { id } }`, {
      id: m.id,
    });
    expect(errorField(noReason)).toBe('reason');
    const summary = await subgraph.as(
      anders,
      `mutation($id: ID!) { recordMeetingOutcome(id: $id, input: { status: EXCUSED, summary: "Syg" }) { id } }`,
      { id: m.id },
    );
    expect(errorField(summary)).toBe('summary');
    await recordOutcome(subgraph, anders, m.id, { status: 'EXCUSED', reason: ' Lægetid på sygehuset ' });
    const res = await subgraph.as(
      anders,
      `mutation($id: ID!) { recordMeetingOutcome(id: $id, input: { status: NO_SHOW, reason: "Tog ikke telefonen" }) {
        status reason cancelReason summary amendments { previousStatus previousReason } } }`,
      { id: m.id },
    );
    expect(res.data.recordMeetingOutcome).toEqual({
      status: 'NO_SHOW',
      reason: 'Tog ikke telefonen',
      cancelReason: null,
      summary: null,
      amendments: [{ previousStatus: 'EXCUSED', previousReason: 'Lægetid på sygehuset' }],
    });
  });
});

describe('the follow-up rhythm', () => {
  const RHYTHM = `citizen { id } intervalDays custom nextDue overdue`;

  it('defaults from the target group (job-ready 28), is set per citizen 7–90 days, and drives followUpDue', async () => {
    const anders = consultant();
    const per = person(anders);
    grants.setTargetGroup(per, 'JOB_READY');
    const m = await scheduleMeeting(subgraph, anders, { citizenId: per, scheduledAt: daysFromNow(-20) });
    await recordOutcome(subgraph, anders, m.id, { status: 'HELD' });
    const q = (who: Actor) => subgraph.as(who, `query($c: ID!) { followUpRhythm(citizenId: $c) { ${RHYTHM} } }`, { c: per });
    expect((await q(anders)).data.followUpRhythm).toEqual({
      citizen: { id: per },
      intervalDays: 28,
      custom: false,
      nextDue: dateOf(daysFromNow(8)),
      overdue: false,
    });
    for (const days of [6, 91]) {
      const bad = await subgraph.as(
        anders,
        `mutation($c: ID!, $d: Int!) { setFollowUpInterval(citizenId: $c, days: $d) { intervalDays } }`,
        {
          c: per,
          d: days,
        },
      );
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(errorField(bad)).toBe('days');
    }
    const set = await subgraph.as(anders, `mutation($c: ID!) { setFollowUpInterval(citizenId: $c, days: 14) { ${RHYTHM} } }`, { c: per });
    expect(set.data.setFollowUpInterval).toEqual({
      citizen: { id: per },
      intervalDays: 14,
      custom: true,
      nextDue: dateOf(daysFromNow(-6)),
      overdue: true,
    });
    const fields = await subgraph.as(
      citizen(per),
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen {
        followUpIntervalDays followUpDue followUpDueOn } } }`,
      { r: [{ __typename: 'Citizen', id: per }] },
    );
    expect(fields.data._entities[0]).toEqual({ followUpIntervalDays: 14, followUpDue: true, followUpDueOn: dateOf(daysFromNow(-6)) });
  });

  it("only the citizen's team sets it; the citizen reads their own; another citizen gets null", async () => {
    const anders = consultant();
    const per = person(anders);
    const set = (who: Actor) =>
      subgraph.as(who, `mutation($c: ID!) { setFollowUpInterval(citizenId: $c, days: 21) { intervalDays } }`, { c: per });
    expect(errorCode(await set(citizen(per)))).toBe('FORBIDDEN');
    expect(errorCode(await set(consultant('Ukendt')))).toBe('FORBIDDEN');
    const own = await subgraph.as(citizen(per), `query($c: ID!) { followUpRhythm(citizenId: $c) { intervalDays } }`, { c: per });
    expect(own.data.followUpRhythm).toEqual({ intervalDays: 14 });
    const other = await subgraph.as(citizen(), `query($c: ID!) { followUpRhythm(citizenId: $c) { intervalDays } }`, { c: per });
    expect(other.data.followUpRhythm).toBeNull();
  });
});
