import { DateTime } from 'luxon';
import { ZONE } from './notification.rules';

/**
 * What a notification says, in plain Danish (klarsprog). Nothing sensitive goes in an e-mail or
 * SMS: no CPR, no target group, no text of a message, milestone or agreement. The content stays
 * behind sign-in; the notice says that there is something and links to it. Meeting notices say
 * when (Copenhagen time), where and with whom, which the citizen needs to turn up.
 */

export type NotificationKind =
  | 'MEETING_BOOKED'
  | 'MEETING_MOVED'
  | 'MEETING_CANCELLED'
  | 'MEETING_REMINDER'
  | 'MILESTONE_DUE'
  | 'AGREEMENT_DUE'
  | 'NEW_MESSAGE'
  | 'REPORT_SHARED'
  | 'STAFF_DIGEST';

export interface MeetingDetails {
  scheduledAt: Date;
  durationMinutes: number;
  location: string | null;
  kind: string;
  /** Names of the staff taking part (looked up at send time). */
  staff: string[];
}

export interface Content {
  subject: string;
  /** The whole text: e-mail body and Digital Post. */
  text: string;
  /** The short text for SMS. */
  short: string;
}

const MEETING_KINDS: Record<string, string> = {
  FOLLOW_UP: 'opfølgningssamtale',
  WALK_AND_TALK: 'walk and talk-samtale',
  NETWORK_MEETING: 'netværksmøde',
  PLACEMENT_KICKOFF: 'opstartsmøde',
  PLACEMENT_FOLLOW_UP: 'opfølgning på dit forløb',
  HOME_VISIT: 'hjemmebesøg',
};

/** "mandag den 14. december 2026 kl. 10.00" in Copenhagen time. */
export function danishTime(at: Date): string {
  return DateTime.fromJSDate(at, { zone: ZONE }).setLocale('da').toFormat("cccc 'den' d. LLLL yyyy 'kl.' HH.mm");
}

/** "14. december 2026". */
export function danishDate(date: string): string {
  return DateTime.fromISO(date, { zone: ZONE }).setLocale('da').toFormat('d. LLLL yyyy');
}

const SIGNATURE = '\n\nVenlig hilsen\nJobcentret\n\nDu kan ikke svare på denne besked. Skriv til os i Min plan.';

function meetingLines(meeting: MeetingDetails): string[] {
  const lines = [`Tid: ${danishTime(meeting.scheduledAt)} (${meeting.durationMinutes} minutter)`];
  if (meeting.location) lines.push(`Sted: ${meeting.location}`);
  if (meeting.staff.length) lines.push(`Du skal mødes med: ${meeting.staff.join(', ')}`);
  return lines;
}

/** The points of a staff member's daily digest (counts only). */
export interface DigestCounts {
  agreementsOverdue: number;
  followUpsDue: number;
  placementsEnding: number;
  networkMeetingsOverdue: number;
  /** Active plans past halfway through their period with no midway status report drafted. */
  midwayReportsDue?: number;
  unreadMessages: number;
}

export function render(
  kind: NotificationKind,
  input: { link: string; meeting?: MeetingDetails; deadline?: string | null; digest?: DigestCounts | null },
): Content {
  const { link, meeting, deadline } = input;
  const what = meeting ? (MEETING_KINDS[meeting.kind] ?? 'møde') : 'møde';
  switch (kind) {
    case 'MEETING_BOOKED':
    case 'MEETING_MOVED':
    case 'MEETING_REMINDER': {
      const m = meeting!;
      const heading =
        kind === 'MEETING_BOOKED'
          ? `Du har fået en tid til ${what} hos jobcentret.`
          : kind === 'MEETING_MOVED'
            ? `Dit møde med jobcentret er flyttet. Her er den nye tid.`
            : `Husk dit møde med jobcentret i morgen.`;
      const subject =
        kind === 'MEETING_BOOKED' ? 'Ny tid hos jobcentret' : kind === 'MEETING_MOVED' ? 'Dit møde er flyttet' : 'Husk dit møde i morgen';
      return {
        subject,
        text: [heading, '', ...meetingLines(m), '', `Kan du ikke komme, så skriv til os i Min plan: ${link}`].join('\n') + SIGNATURE,
        short: `${heading} ${danishTime(m.scheduledAt)}${m.location ? `, ${m.location}` : ''}. Se mere: ${link}`,
      };
    }
    case 'MEETING_CANCELLED': {
      const at = meeting ? ` ${danishTime(meeting.scheduledAt)}` : '';
      const heading = `Dit møde med jobcentret${at} er aflyst.`;
      return {
        subject: 'Dit møde er aflyst',
        text:
          [heading, '', `Du behøver ikke gøre noget. Vi finder en ny tid sammen med dig. Se mere i Min plan: ${link}`].join('\n') +
          SIGNATURE,
        short: `${heading} Se mere: ${link}`,
      };
    }
    case 'MILESTONE_DUE':
    case 'AGREEMENT_DUE': {
      const noun = kind === 'MILESTONE_DUE' ? 'et delmål i din plan' : 'en aftale, du har ansvaret for,';
      const heading = `Husk: ${noun} har frist${deadline ? ` den ${danishDate(deadline)}` : ' om 3 dage'}.`;
      return {
        subject: kind === 'MILESTONE_DUE' ? 'Et delmål har snart frist' : 'En aftale har snart frist',
        text: [heading, '', `Du kan se det og skrive til os i Min plan: ${link}`].join('\n') + SIGNATURE,
        short: `${heading} Se mere: ${link}`,
      };
    }
    case 'NEW_MESSAGE':
      return {
        subject: 'Ny besked fra jobcentret',
        text: ['Du har fået en ny besked fra jobcentret.', '', `Log ind og læs den i Min plan: ${link}`].join('\n') + SIGNATURE,
        short: `Du har fået en ny besked fra jobcentret. Læs den her: ${link}`,
      };
    case 'REPORT_SHARED':
      return {
        subject: 'Ny rapport om dit forløb',
        text:
          [
            'Jobcentret har delt en rapport om dit forløb med dig.',
            '',
            `Log ind og læs den i Min plan. Du kan også skrive, hvad du mener om den: ${link}`,
          ].join('\n') + SIGNATURE,
        short: `Jobcentret har delt en rapport om dit forløb med dig. Læs den her: ${link}`,
      };
    case 'STAFF_DIGEST': {
      const d = input.digest!;
      const lines = [
        `Aftaler over fristen: ${d.agreementsOverdue}`,
        `Opfølgningssamtaler, der mangler: ${d.followUpsDue}`,
        `Forløb, der slutter inden for 14 dage: ${d.placementsEnding}`,
        `Netværksmøder, der er overskredet: ${d.networkMeetingsOverdue}`,
        `Statusrapporter midtvejs, der skal skrives: ${d.midwayReportsDue ?? 0}`,
        `Ulæste beskeder fra borgere: ${d.unreadMessages}`,
      ];
      return {
        subject: 'Dagens overblik',
        text:
          ['Godmorgen. Her er dagens overblik over din sagsstamme.', '', ...lines, '', `Se borgerne i Dagens overblik: ${link}`].join(
            '\n',
          ) + '\n\nVenlig hilsen\nJobcentrets system',
        short: `Dagens overblik: ${link}`,
      };
    }
    default:
      throw new Error(`No content for ${kind}`);
  }
}
