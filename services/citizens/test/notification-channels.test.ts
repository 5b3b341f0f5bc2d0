import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { startTestSubgraph, TestSubgraph } from '@jobcenter/kit/testing';
import { httpChannel } from '../src/notifications/channels';
import { DomainEvent, handleNotificationEvent } from '../src/notifications/notification.handlers';
import { notificationWorker } from '../src/notifications/notification.worker';
import { citizensSubgraph } from '../src/server';
import { createStaff, registerCitizen, staffActor } from './builders';

/**
 * SMS and Digital Post have no endpoint that can run on this machine: these tests check the
 * adapters at their boundary, against a recording stand-in that answers like a provider's HTTP
 * API (the request they make, and how they take the answers). What a real provider does beyond
 * that is not tested here.
 */
interface Recorded {
  headers: IncomingMessage['headers'];
  body: Record<string, string>;
}
let standIn: Server;
let url: string;
const recorded: Recorded[] = [];
let answer = 202;

beforeAll(async () => {
  standIn = createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      recorded.push({ headers: req.headers, body: JSON.parse(data) });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => standIn.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(standIn.address() as AddressInfo).port}/messages`;
});
afterAll(() => new Promise((resolve) => standIn.close(resolve)));

const message = { id: randomUUID(), to: '+4522334455', subject: 'Ny besked fra jobcentret', text: 'Lang tekst', short: 'Kort tekst' };

describe('the SMS and Digital Post adapters', () => {
  it('SMS: posts the short text with the notification id as idempotency key and the bearer token', async () => {
    recorded.length = 0;
    await httpChannel({ url, token: 'sms-token', kind: 'SMS' }).send(message);
    expect(recorded).toHaveLength(1);
    expect(recorded[0].body).toEqual({ id: message.id, to: '+4522334455', text: 'Kort tekst' });
    expect(recorded[0].headers['idempotency-key']).toBe(message.id);
    expect(recorded[0].headers.authorization).toBe('Bearer sms-token');
  });

  it('Digital Post: posts subject and the whole text', async () => {
    recorded.length = 0;
    await httpChannel({ url, kind: 'LETTER' }).send({ ...message, to: '0207871428' });
    expect(recorded[0].body).toEqual({ id: message.id, to: '0207871428', subject: 'Ny besked fra jobcentret', text: 'Lang tekst' });
    expect(recorded[0].headers.authorization).toBeUndefined();
  });

  it('a 4xx answer is permanent, a 5xx or 429 is worth a retry, an unreachable provider too', async () => {
    const sms = httpChannel({ url, kind: 'SMS' });
    answer = 400;
    await expect(sms.send(message)).rejects.toMatchObject({ permanent: true, message: 'SMS gateway answered 400' });
    answer = 503;
    await expect(sms.send(message)).rejects.toMatchObject({ permanent: false });
    answer = 429;
    await expect(sms.send(message)).rejects.toMatchObject({ permanent: false });
    answer = 202;
    await expect(httpChannel({ url: 'http://127.0.0.1:1/x', kind: 'SMS' }).send(message)).rejects.toMatchObject({ permanent: false });
  });
});

describe('quiet hours: an SMS caused at 22:30 Copenhagen time goes at 08:00', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(citizensSubgraph);
  });
  afterAll(() => subgraph.stop());

  it('waits through the night and is sent by the worker in the morning', async () => {
    const caseworker = staffActor(await createStaff(subgraph, { name: 'Mette Skov', role: 'CASEWORKER' }));
    const citizen = await registerCitizen(subgraph, caseworker, { preferredContact: 'SMS', phone: '+45 22 33 44 55' });
    const evening = new Date('2026-12-07T21:30:00Z'); // 22:30 in Copenhagen (UTC+1)
    const event: DomainEvent = {
      id: randomUUID(),
      source: 'citizens',
      type: 'message.sent',
      aggregateType: 'message',
      aggregateId: randomUUID(),
      citizenId: citizen.id,
      occurredAt: evening.toISOString(),
      schemaVersion: 1,
      payload: { messageId: randomUUID(), fromRole: 'CASEWORKER' },
    };
    await subgraph.dataSource.transaction((tx) => handleNotificationEvent(tx, event, evening));
    const [row] = await subgraph.dataSource.query(`SELECT channel, send_after FROM notification WHERE citizen_id = $1`, [citizen.id]);
    expect(row.channel).toBe('SMS');
    expect(new Date(row.send_after).toISOString()).toBe('2026-12-08T07:00:00.000Z');

    recorded.length = 0;
    const at = (iso: string) =>
      notificationWorker({
        dataSource: subgraph.dataSource,
        channels: { SMS: httpChannel({ url, kind: 'SMS' }) },
        workbenchUrl: 'https://jobcenter.example.dk/',
        maxAttempts: 3,
        retryBaseMs: 1000,
        now: () => new Date(iso),
      });
    expect(await at('2026-12-08T06:59:00Z').runOnce()).toBe(0); // 07:59 Copenhagen
    expect(recorded).toHaveLength(0);
    expect(await at('2026-12-08T07:00:00Z').runOnce()).toBe(1); // 08:00
    expect(recorded.map((r) => r.body.text)).toEqual([
      'Du har fået en ny besked fra jobcentret. Læs den her: https://jobcenter.example.dk/min-plan',
    ]);
    expect(recorded[0].body.to).toBe('+45 22 33 44 55');
  });
});
