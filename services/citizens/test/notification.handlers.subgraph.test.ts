import { randomUUID } from 'node:crypto';
import { startTestSubgraph, TestSubgraph } from '@jobcenter/kit/testing';
import { DomainEvent, handleNotificationEvent } from '../src/notifications/notification.handlers';
import { citizensSubgraph } from '../src/server';
import { createStaff, registerCitizen, staffActor } from './builders';

/** Deadlines the citizen carries: a notice 3 days before, moved with the deadline, cancelled when done. */
let subgraph: TestSubgraph;
let citizenId: string;
const now = new Date('2026-12-07T10:00:00Z');

beforeAll(async () => {
  subgraph = await startTestSubgraph(citizensSubgraph);
  const caseworker = staffActor(await createStaff(subgraph, { name: 'Mette Skov', role: 'CASEWORKER' }));
  citizenId = (await registerCitizen(subgraph, caseworker, { preferredContact: 'EMAIL', email: 'ulla@example.dk' })).id;
});
afterAll(() => subgraph.stop());

const handle = (type: string, payload: Record<string, unknown>, id: string = randomUUID()) =>
  subgraph.dataSource.transaction((tx) =>
    handleNotificationEvent(
      tx,
      {
        id,
        source: type.startsWith('agreement') ? 'meetings' : 'plans',
        type,
        aggregateType: type.split('.')[0],
        aggregateId: String(payload.agreementId ?? payload.milestoneId ?? payload.reportId),
        citizenId,
        occurredAt: now.toISOString(),
        schemaVersion: 1,
        payload,
      } satisfies DomainEvent,
      now,
    ),
  );
const rows = (subjectId: string) =>
  subgraph.dataSource.query(
    `SELECT kind, status, send_after AS "sendAfter", to_char(deadline, 'YYYY-MM-DD') AS deadline FROM notification WHERE subject_id = $1 ORDER BY created_at`,
    [subjectId],
  );

it('an agreement the citizen carries: a notice at 09:00 three days before its deadline, cancelled once it is done', async () => {
  const agreementId = randomUUID();
  const base = { agreementId, meetingId: randomUUID(), responsible: 'CITIZEN', responsibleStaffId: null };
  await handle('agreement.recorded', { ...base, deadline: '2026-12-20' });
  expect(await rows(agreementId)).toEqual([
    { kind: 'AGREEMENT_DUE', status: 'PENDING', sendAfter: new Date('2026-12-17T08:00:00Z'), deadline: '2026-12-20' },
  ]);
  await handle('agreement.statusChanged', { ...base, status: 'OPEN', deadline: '2026-12-22' });
  expect(await rows(agreementId)).toEqual([
    { kind: 'AGREEMENT_DUE', status: 'PENDING', sendAfter: new Date('2026-12-19T08:00:00Z'), deadline: '2026-12-22' },
  ]);
  await handle('agreement.statusChanged', { ...base, status: 'DONE', deadline: '2026-12-22' });
  expect((await rows(agreementId)).map((r: { status: string }) => r.status)).toEqual(['CANCELLED']);
});

it('a milestone carried by staff makes no notice to the citizen; one the citizen carries does', async () => {
  const staffs = randomUUID();
  await handle('milestone.added', {
    milestoneId: staffs,
    planId: randomUUID(),
    deadline: '2026-12-20',
    responsible: 'STAFF',
    status: 'PLANNED',
  });
  expect(await rows(staffs)).toEqual([]);
  const own = randomUUID();
  await handle('milestone.added', {
    milestoneId: own,
    planId: randomUUID(),
    deadline: '2026-12-09',
    responsible: 'CITIZEN',
    status: 'PLANNED',
  });
  // Less than 3 days away: at once.
  expect(await rows(own)).toEqual([{ kind: 'MILESTONE_DUE', status: 'PENDING', sendAfter: now, deadline: '2026-12-09' }]);
});

it('a report shared with the citizen: one notice at once, however often the event is delivered', async () => {
  const reportId = randomUUID();
  const eventId = randomUUID();
  const payload = { reportId, planId: randomUUID(), referralId: null, kind: 'MIDWAY_STATUS', version: 1 };
  await handle('report.shared', payload, eventId);
  await handle('report.shared', payload, eventId);
  expect(await rows(reportId)).toEqual([{ kind: 'REPORT_SHARED', status: 'PENDING', sendAfter: now, deadline: null }]);
});
