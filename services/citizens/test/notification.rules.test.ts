import { render } from '../src/notifications/notification.content';
import {
  channelFor,
  dueSoonTime,
  isPermanent,
  reminderTime,
  respectQuietHours,
  retryDelayMs,
} from '../src/notifications/notification.rules';

describe('quiet hours: no SMS 21:00–08:00 Copenhagen time', () => {
  it('holds an SMS at 22:30 Copenhagen (winter, UTC+1) until 08:00 the next morning', () => {
    expect(respectQuietHours(new Date('2026-12-07T21:30:00Z'), 'SMS').toISOString()).toBe('2026-12-08T07:00:00.000Z');
  });
  it('holds an SMS at 06:59 Copenhagen until 08:00 the same morning', () => {
    expect(respectQuietHours(new Date('2026-12-08T05:59:00Z'), 'SMS').toISOString()).toBe('2026-12-08T07:00:00.000Z');
  });
  it('uses summer time: 21:00 in July is 19:00 UTC, held until 08:00 = 06:00 UTC', () => {
    expect(respectQuietHours(new Date('2026-07-01T19:00:00Z'), 'SMS').toISOString()).toBe('2026-07-02T06:00:00.000Z');
  });
  it('lets an SMS at 08:00 and at 20:59 go at once', () => {
    expect(respectQuietHours(new Date('2026-12-08T07:00:00Z'), 'SMS').toISOString()).toBe('2026-12-08T07:00:00.000Z');
    expect(respectQuietHours(new Date('2026-12-08T19:59:00Z'), 'SMS').toISOString()).toBe('2026-12-08T19:59:00.000Z');
  });
  it('does not hold e-mail or Digital Post, which land in an inbox', () => {
    expect(respectQuietHours(new Date('2026-12-07T23:30:00Z'), 'EMAIL').toISOString()).toBe('2026-12-07T23:30:00.000Z');
    expect(respectQuietHours(new Date('2026-12-07T23:30:00Z'), 'LETTER').toISOString()).toBe('2026-12-07T23:30:00.000Z');
  });
});

describe('the channel follows the preferred contact', () => {
  it.each([
    ['EMAIL', 'EMAIL'],
    ['SMS', 'SMS'],
    ['PHONE', 'SMS'],
    ['LETTER', 'LETTER'],
    ['IN_PERSON', null],
  ])('%s → %s', (preferred, channel) => expect(channelFor(preferred)).toBe(channel));
});

describe('retries back off exponentially', () => {
  it('doubles from the base and stops at one hour', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(30, 30_000)).toBe(3_600_000);
  });
  it('treats SMTP 5xx and permanent delivery errors as final, 4xx as worth a retry', () => {
    expect(isPermanent({ responseCode: 550 })).toBe(true);
    expect(isPermanent({ responseCode: 451 })).toBe(false);
    expect(isPermanent({ permanent: true })).toBe(true);
    expect(isPermanent({})).toBe(false);
  });
});

describe('when reminders go', () => {
  const now = new Date('2026-12-07T10:00:00Z');
  it('reminds 24 hours before a meeting, and not at all when that has passed', () => {
    expect(reminderTime(new Date('2026-12-09T09:00:00Z'), now)?.toISOString()).toBe('2026-12-08T09:00:00.000Z');
    expect(reminderTime(new Date('2026-12-08T09:00:00Z'), now)).toBeNull();
  });
  it('tells of a deadline at 09:00 Copenhagen three days before; at once when closer; never after it', () => {
    expect(dueSoonTime('2026-12-20', now)?.toISOString()).toBe('2026-12-17T08:00:00.000Z');
    expect(dueSoonTime('2026-12-08', now)?.toISOString()).toBe(now.toISOString());
    expect(dueSoonTime('2026-12-06', now)).toBeNull();
  });
});

describe('content in plain Danish, nothing sensitive', () => {
  const link = 'https://jobcenter.example.dk/min-plan';
  it('a new message says only that there is one, with the link', () => {
    const c = render('NEW_MESSAGE', { link });
    expect(c.text).toContain('Du har fået en ny besked fra jobcentret');
    expect(c.text).toContain(link);
    expect(c.short.length).toBeLessThanOrEqual(160);
  });
  it('a shared report says only that there is one to read and comment on, with the link', () => {
    const c = render('REPORT_SHARED', { link });
    expect(c.subject).toBe('Ny rapport om dit forløb');
    expect(c.text).toContain('Jobcentret har delt en rapport om dit forløb med dig.');
    expect(c.text).toContain(`skrive, hvad du mener om den: ${link}`);
    expect(c.short).toContain(link);
    expect(c.short.length).toBeLessThanOrEqual(160);
  });
  it('a booked meeting gives time in Copenhagen, place and who', () => {
    const c = render('MEETING_BOOKED', {
      link,
      meeting: {
        scheduledAt: new Date('2026-12-14T09:00:00Z'),
        durationMinutes: 60,
        location: 'Jobcentret, lokale 2',
        kind: 'FOLLOW_UP',
        staff: ['Mette Skov'],
      },
    });
    expect(c.subject).toBe('Ny tid hos jobcentret');
    expect(c.text).toContain('mandag den 14. december 2026 kl. 10.00');
    expect(c.text).toContain('Sted: Jobcentret, lokale 2');
    expect(c.text).toContain('Du skal mødes med: Mette Skov');
  });
  it('a deadline reminder names no milestone or agreement text', () => {
    const c = render('AGREEMENT_DUE', { link, deadline: '2026-12-20' });
    expect(c.text).toContain('Husk: en aftale, du har ansvaret for, har frist den 20. december 2026.');
  });
});
