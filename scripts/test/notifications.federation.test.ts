import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { EventFeedConsumer, todayInCopenhagen, type Actor } from '@jobcenter/kit';
import { GraphQLResponse } from '@jobcenter/kit/testing';
import { citizensSubgraph } from '@jobcenter/citizens';
import { meetingsSubgraph } from '@jobcenter/meetings';
import { placementsSubgraph } from '@jobcenter/placements';
import { plansSubgraph } from '@jobcenter/plans';
import { digestSourcesFromServices, prepareDailyDigest } from '@jobcenter/citizens/notifications/digest';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { DevMailServer, startDevMailServer } from '@jobcenter/citizens/notifications/dev-mail-server';
import { emailChannel } from '@jobcenter/citizens/notifications/channels';
import { DomainEvent, handleNotificationEvent } from '@jobcenter/citizens/notifications/notification.handlers';
import { notificationWorker } from '@jobcenter/citizens/notifications/notification.worker';

/**
 * Notices that reach people, end to end: mutations through the gateway, the notification rows
 * in the citizens database, the worker sending over real SMTP to a real SMTP server (smtp-server),
 * the mail read back; a worker process SIGKILLed mid-delivery; a failing SMTP server.
 *
 * The events: until the events kit (outbox + feed + consumer) is merged, `emit` hands the
 * handler the envelope the meetings service will write for the mutation (EVENTS.md), built from
 * the mutation's answer; the handler is the one the consumer calls.
 */
const TEAM = 'Team Ryslinge';
const lone: Actor = { id: randomUUID(), role: 'TEAM_LEAD', name: 'Lone Friis', team: TEAM };
let federation: TestFederation;
let mail: DevMailServer;
let mette: Actor;
let ulla: { id: string; email: string };
const CPR = '020787-1428';

function ok<T = any>(res: GraphQLResponse<T>): T {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

const citizensDb = () => federation.subgraphs.citizens.dataSource;

async function emit(
  type: string,
  citizenId: string | null,
  payload: Record<string, unknown>,
  aggregateId = String(payload.meetingId ?? payload.messageId),
) {
  const event: DomainEvent = {
    id: randomUUID(),
    source: type.startsWith('message.') ? 'citizens' : 'meetings',
    type,
    aggregateType: type.split('.')[0],
    aggregateId,
    citizenId,
    occurredAt: new Date().toISOString(),
    schemaVersion: 1,
    payload,
  };
  await citizensDb().transaction((tx) => handleNotificationEvent(tx, event));
  return event;
}

const worker = (options: { maxAttempts?: number; now?: Date } = {}) =>
  notificationWorker({
    dataSource: citizensDb(),
    channels: { EMAIL: emailChannel({ url: mail.smtpUrl, from: 'Jobcentret <noreply@jobcenter.local>', timeoutMs: 5_000 }) },
    workbenchUrl: 'http://localhost:4000/',
    maxAttempts: options.maxAttempts ?? 3,
    retryBaseMs: 0,
    now: options.now ? () => options.now! : undefined,
  });

interface NotificationView {
  id: string;
  kind: string;
  channel: string;
  status: string;
  createdAt: string;
  sendAfter: string;
  sentAt: string | null;
  attempts: number;
  failure: string | null;
}

const notificationsOf = async (citizenId: string): Promise<NotificationView[]> =>
  ok(
    await federation.as(
      mette,
      `query($id: ID!) { citizen(id: $id) { notifications { id kind channel status createdAt sendAfter sentAt attempts failure } } }`,
      { id: citizenId },
    ),
  ).citizen.notifications;

async function registerCitizen(cpr: string, firstName: string, email: string | null, preferredContact: string) {
  const c = ok(
    await federation.as(mette, `mutation($i: RegisterCitizenInput!) { registerCitizen(input: $i) { id } }`, {
      i: {
        cpr,
        firstName,
        lastName: 'Jensen',
        targetGroup: 'SICKNESS_BENEFIT',
        email,
        phone: '+45 22 33 44 55',
        preferredContact,
        enrolledAt: '2026-05-01',
      },
    }),
  ).registerCitizen;
  ok(
    await federation.as(
      mette,
      `mutation($c: ID!, $s: ID!) { assignStaff(citizenId: $c, staffId: $s, role: CASEWORKER, from: "2026-05-01") { id } }`,
      {
        c: c.id,
        s: mette.id,
      },
    ),
  );
  return c.id as string;
}

beforeAll(async () => {
  mail = await startDevMailServer();
  federation = await startTestFederation([citizensSubgraph, meetingsSubgraph, placementsSubgraph, plansSubgraph]);
  const m = ok(
    await federation.as(lone, `mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { id name } }`, {
      i: { name: 'Mette Skov', role: 'CASEWORKER', email: 'mette@ryslinge.dk', team: TEAM },
    }),
  ).createStaffMember;
  mette = { id: m.id, role: 'CASEWORKER', name: 'Mette Skov', team: TEAM };
  const email = `ulla-${randomUUID().slice(0, 8)}@example.dk`;
  ulla = { id: await registerCitizen(CPR, 'Ulla', email, 'EMAIL'), email };
});
afterAll(async () => {
  await federation?.stop();
  await mail?.close();
});

const inDays = (days: number, hourUtc = 9) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
};

async function bookMeeting(citizenId: string, at: Date) {
  const meeting = ok(
    await federation.as(
      mette,
      `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id kind scheduledAt durationMinutes } }`,
      {
        i: {
          citizenId,
          kind: 'FOLLOW_UP',
          scheduledAt: at.toISOString(),
          durationMinutes: 45,
          location: 'Jobcentret Ryslinge, lokale 2',
          participants: [{ role: 'CASEWORKER', staffId: mette.id }],
        },
      },
    ),
  ).scheduleMeeting;
  await emit('meeting.scheduled', citizenId, {
    meetingId: meeting.id,
    kind: meeting.kind,
    scheduledAt: meeting.scheduledAt,
    durationMinutes: meeting.durationMinutes,
    staffIds: [mette.id],
  });
  return meeting as { id: string; kind: string; scheduledAt: string };
}

describe('a meeting booked reaches the citizen by e-mail', () => {
  let meetingId: string;

  it('sends a Danish notice with time (Copenhagen), place and who, received by the SMTP server, and nothing sensitive', async () => {
    const at = inDays(5);
    meetingId = (await bookMeeting(ulla.id, at)).id;
    const before = mail.received.length;
    expect(await worker().runOnce()).toBe(1);
    const received = mail.received.slice(before);
    expect(received).toHaveLength(1);
    const [notice] = received;
    expect(notice.to).toEqual([ulla.email]);
    expect(notice.subject).toBe('Ny tid hos jobcentret');
    expect(notice.text).toContain('Du har fået en tid til opfølgningssamtale hos jobcentret.');
    const local = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit' })
      .format(at)
      .replace(':', '.');
    expect(notice.text).toContain(`kl. ${local}`);
    expect(notice.text).toContain('Sted: Jobcentret Ryslinge, lokale 2');
    expect(notice.text).toContain('Du skal mødes med: Mette Skov');
    expect(notice.text).toContain('http://localhost:4000/min-plan');
    // Nothing sensitive: no CPR number, no surname, no target group, no benefit.
    for (const secret of ['020787', '1428', 'Jensen', 'SICKNESS', 'sygedagpenge']) expect(notice.raw).not.toContain(secret);

    const list = await notificationsOf(ulla.id);
    const booked = list.find((n) => n.kind === 'MEETING_BOOKED')!;
    expect(booked).toMatchObject({ channel: 'EMAIL', status: 'SENT', attempts: 1, failure: null });
    expect(notice.messageId).toBe(`<${booked.id}@jobcenter.local>`);
  });

  it('schedules the reminder for the day before, visible on the citizen as PENDING', async () => {
    const list = await notificationsOf(ulla.id);
    const reminder = list.find((n) => n.kind === 'MEETING_REMINDER')!;
    expect(reminder.status).toBe('PENDING');
    expect(new Date(reminder.sendAfter).getTime()).toBe(inDays(5).getTime() - 86_400_000);
    // Newest first (both were written in the booking's one transaction, so at the same time).
    expect(list.map((n) => n.kind).sort()).toEqual(['MEETING_BOOKED', 'MEETING_REMINDER']);
    const times = list.map((n) => Date.parse(n.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('a moved meeting moves its reminder and tells the citizen', async () => {
    const moved = inDays(7, 13);
    const res = ok(
      await federation.as(
        mette,
        `mutation($id: ID!, $at: DateTime!) { rescheduleMeeting(id: $id, scheduledAt: $at) { id scheduledAt kind } }`,
        {
          id: meetingId,
          at: moved.toISOString(),
        },
      ),
    ).rescheduleMeeting;
    await emit('meeting.rescheduled', ulla.id, {
      meetingId,
      kind: res.kind,
      scheduledAt: res.scheduledAt,
      previousScheduledAt: inDays(5).toISOString(),
      staffIds: [mette.id],
    });
    const before = mail.received.length;
    await worker().runOnce();
    expect(mail.received.slice(before).map((m) => m.subject)).toEqual(['Dit møde er flyttet']);
    const reminders = (await notificationsOf(ulla.id)).filter((n) => n.kind === 'MEETING_REMINDER');
    expect(reminders).toHaveLength(1);
    expect(new Date(reminders[0].sendAfter).getTime()).toBe(moved.getTime() - 86_400_000);
  });

  it('a cancelled meeting cancels its pending reminder and tells the citizen', async () => {
    ok(
      await federation.as(mette, `mutation($id: ID!) { cancelMeeting(id: $id, reason: "Sygdom hos sagsbehandler") { id status } }`, {
        id: meetingId,
      }),
    );
    await emit('meeting.cancelled', ulla.id, { meetingId, kind: 'FOLLOW_UP', scheduledAt: inDays(7, 13).toISOString() });
    const before = mail.received.length;
    await worker().runOnce();
    const sent = mail.received.slice(before);
    expect(sent.map((m) => m.subject)).toEqual(['Dit møde er aflyst']);
    expect(sent[0].raw).not.toContain('Sygdom');
    const reminder = (await notificationsOf(ulla.id)).find((n) => n.kind === 'MEETING_REMINDER')!;
    expect(reminder).toMatchObject({ status: 'CANCELLED', failure: 'Mødet er aflyst.', attempts: 0 });
  });

  it('the same event delivered twice makes one notice', async () => {
    const messageId = randomUUID();
    const event = await emit('message.sent', ulla.id, { messageId, fromRole: 'CASEWORKER' });
    await citizensDb().transaction((tx) => handleNotificationEvent(tx, event));
    expect((await notificationsOf(ulla.id)).filter((n) => n.kind === 'NEW_MESSAGE')).toHaveLength(1);
    const before = mail.received.length;
    await worker().runOnce();
    const [notice] = mail.received.slice(before);
    expect(notice.text).toContain('Du har fået en ny besked fra jobcentret.');
  });
});

describe('failures', () => {
  it('a failing SMTP server: retried with back-off, then FAILED with the reason after the last attempt', async () => {
    mail.refuseWith(451);
    try {
      await emit('message.sent', ulla.id, { messageId: randomUUID(), fromRole: 'CASEWORKER' });
      const before = mail.received.length;
      await worker({ maxAttempts: 3 }).runOnce();
      expect(mail.received.length).toBe(before);
      const failed = (await notificationsOf(ulla.id)).find((n) => n.kind === 'NEW_MESSAGE' && n.status !== 'SENT')!;
      expect(failed.status).toBe('FAILED');
      expect(failed.attempts).toBe(3);
      expect(failed.failure).toMatch(/451/);
    } finally {
      mail.refuseWith(null);
    }
  });

  it('a citizen who prefers personal contact gets no message; the row says so', async () => {
    const id = await registerCitizen('150590-1234', 'Per', null, 'IN_PERSON');
    await emit('message.sent', id, { messageId: randomUUID(), fromRole: 'CASEWORKER' });
    const [row] = await notificationsOf(id);
    expect(row).toMatchObject({ kind: 'NEW_MESSAGE', channel: 'IN_PERSON', status: 'CANCELLED' });
    expect(row.failure).toMatch(/personlig kontakt/);
  });
});

describe('the staff daily digest', () => {
  it('from 07:00 Copenhagen time, once a day, each staff member gets the counts by e-mail with a link to the overview', async () => {
    // Ulla writes to her team; nobody has read it yet.
    const asUlla: Actor = { id: ulla.id, role: 'CITIZEN', name: 'Ulla' };
    ok(await federation.as(asUlla, `mutation($c: ID!) { sendMessage(citizenId: $c, text: "Jeg er syg i dag") { id } }`, { c: ulla.id }));
    const day = '2031-03-03';
    // Her plan runs until 2031: by the digest's day it is past halfway, and no midway report is drafted.
    ok(
      await federation.as(mette, `mutation($c: ID!, $i: CreatePlanInput!) { createPlan(citizenId: $c, input: $i) { id } }`, {
        c: ulla.id,
        i: { longTermGoal: 'Faste morgenrutiner og et job på nedsat tid', startDate: todayInCopenhagen(), plannedEndDate: '2031-01-31' },
      }),
    );
    expect(await prepareDailyDigest(citizensDb(), digestSourcesFromServices(), new Date(`${day}T05:59:00Z`))).toBe(0); // 06:59
    expect(await prepareDailyDigest(citizensDb(), digestSourcesFromServices(), new Date(`${day}T06:00:00Z`))).toBe(1); // 07:00: Mette
    expect(await prepareDailyDigest(citizensDb(), digestSourcesFromServices(), new Date(`${day}T09:00:00Z`))).toBe(0); // made already
    const before = mail.received.length;
    await worker({ now: new Date(`${day}T06:00:30Z`) }).runOnce();
    const digest = mail.received.slice(before).filter((m) => m.subject === 'Dagens overblik');
    expect(digest).toHaveLength(1);
    expect(digest[0].to).toEqual(['mette@ryslinge.dk']);
    expect(digest[0].text).toContain('Ulæste beskeder fra borgere: 1');
    expect(digest[0].text).toMatch(
      /Aftaler over fristen: \d+\nOpfølgningssamtaler, der mangler: \d+\nForløb, der slutter inden for 14 dage: 0\nNetværksmøder, der er overskredet: \d+\nStatusrapporter midtvejs, der skal skrives: 1\n/,
    );
    expect(digest[0].text).toContain('http://localhost:4000/digest');
    // Counts only: no citizen's name or message.
    for (const secret of ['Ulla', 'Kim', 'Per', 'syg']) expect(digest[0].text).not.toContain(secret);
  });
});

describe('a worker killed mid-delivery', () => {
  const children: ChildProcess[] = [];
  afterAll(() => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

  function startWorkerProcess(): ChildProcess {
    const child = spawn(process.execPath, [require.resolve('@jobcenter/citizens/notifications/worker.main')], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        CITIZENS_DATABASE_URL: (citizensDb().options as { url: string }).url,
        NOTIFY_SMTP_URL: mail.smtpUrl,
        // The centre's event consumer also runs in the process; kept off plans' feed here.
        PLANS_URL: 'http://127.0.0.1:9/graphql',
        NOTIFY_POLL_MS: '100',
        NOTIFY_RETRY_BASE_MS: '100',
      },
      stdio: 'ignore',
    });
    children.push(child);
    return child;
  }

  it('loses nothing and sends nothing twice (SIGKILL while the SMTP server holds the second message)', async () => {
    const citizen = await registerCitizen('010203-4567', 'Kim', `kim-${randomUUID().slice(0, 8)}@example.dk`, 'EMAIL');
    for (let i = 0; i < 5; i++) await emit('message.sent', citizen, { messageId: randomUUID(), fromRole: 'CASEWORKER' });
    const mineOf = () => mail.received.filter((m) => m.to[0].startsWith('kim-'));
    let starts = 0;
    const first = startWorkerProcess();
    const killed = new Promise<void>((resolve) => {
      // Each message is held 500 ms before the server answers; the second one's DATA is where the worker dies.
      mail.onData(() => {
        starts += 1;
        if (starts === 2) {
          first.kill('SIGKILL');
          resolve();
        }
      }, 500);
    });
    await killed;
    await new Promise((resolve) => first.once('exit', resolve));
    await new Promise((resolve) => setTimeout(resolve, 700));
    mail.onData(null);
    expect(mineOf()).toHaveLength(1);

    const second = startWorkerProcess();
    const deadline = Date.now() + 30_000;
    while (mineOf().length < 5 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    // Give a duplicate the chance to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    second.kill('SIGTERM');
    const mine = mineOf();
    expect(mine).toHaveLength(5);
    expect(new Set(mine.map((m) => m.messageId)).size).toBe(5);
    const rows = await notificationsOf(citizen);
    expect(rows.map((r) => r.status)).toEqual(['SENT', 'SENT', 'SENT', 'SENT', 'SENT']);
    expect(rows.map((r) => `<${r.id}@jobcenter.local>`).sort()).toEqual(mine.map((m) => m.messageId).sort());
  });
});

describe('the real path: the meetings event feed, not a stand-in', () => {
  it('a meeting booked through the gateway becomes a notice and a reminder once the centre reads the feed', async () => {
    const citizen = await registerCitizen('040506-7891', 'Lise', `lise-${randomUUID().slice(0, 8)}@example.dk`, 'EMAIL');
    const meeting = ok(
      await federation.as(mette, `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }`, {
        i: {
          citizenId: citizen,
          kind: 'FOLLOW_UP',
          scheduledAt: inDays(6).toISOString(),
          durationMinutes: 30,
          participants: [{ role: 'CASEWORKER', staffId: mette.id }],
        },
      }),
    ).scheduleMeeting;
    // The consumer the notification centre runs, on the meetings service's own /events feed.
    const consumer = new EventFeedConsumer({
      name: 'citizens',
      dataSource: citizensDb(),
      sources: [{ name: 'meetings', url: federation.subgraphs.meetings.url }],
      handle: (event, tx) => handleNotificationEvent(tx, event as DomainEvent),
    });
    // The feed serves a transaction's events once no older transaction of the PostgreSQL server is
    // still open (docs/events.md), and the tests share one server: read until they are there.
    const drainUntil = async <T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
      const deadline = Date.now() + 20_000;
      for (;;) {
        await consumer.drain();
        const value = await read();
        if (done(value) || Date.now() > deadline) return value;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const kinds = await drainUntil(
      async () => (await notificationsOf(citizen)).map((n) => n.kind).sort(),
      (k) => k.length >= 2,
    );
    expect(kinds).toEqual(['MEETING_BOOKED', 'MEETING_REMINDER']);
    // Cancelled through the gateway: the feed's meeting.cancelled cancels the pending reminder.
    ok(await federation.as(mette, `mutation($id: ID!) { cancelMeeting(id: $id, reason: "Sygdom") { id } }`, { id: meeting.id }));
    const reminder = await drainUntil(
      async () => (await notificationsOf(citizen)).find((n) => n.kind === 'MEETING_REMINDER')!,
      (r) => r.status === 'CANCELLED',
    );
    expect(reminder.status).toBe('CANCELLED');
  });
});
