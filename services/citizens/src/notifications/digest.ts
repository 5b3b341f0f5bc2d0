import type { DataSource } from 'typeorm';
import { subgraphClient, SubgraphClient } from '@jobcenter/kit';
import { DigestCounts } from './notification.content';
import { insertNotification } from './notification.store';
import { copenhagenDate, digestDue } from './notification.rules';

export interface DigestSources {
  /** Counts of overdue agreements, due follow-ups and overdue network meetings (meetings, SERVICE-only `caseloadDigest`). */
  meetings: Pick<SubgraphClient, 'query'>;
  /** Placements ending within 14 days (placements, SERVICE-only `placementsEndingCount`). */
  placements: Pick<SubgraphClient, 'query'>;
  /** Active plans whose midway status report is due and not drafted (plans, SERVICE-only `midwayReportsDueCount`). */
  plans: Pick<SubgraphClient, 'query'>;
}

export const digestSourcesFromServices = (): DigestSources => ({
  meetings: subgraphClient('citizens', 'meetings'),
  placements: subgraphClient('citizens', 'placements'),
  plans: subgraphClient('citizens', 'plans'),
});

const CASELOAD_DIGEST = `query($c: [DigestCitizenInput!]!) { caseloadDigest(citizens: $c) { agreementsOverdue followUpsDue networkMeetingsOverdue } }`;
const PLACEMENTS_ENDING = `query($ids: [ID!]!) { placementsEndingCount(citizenIds: $ids, days: 14) }`;
const MIDWAY_REPORTS_DUE = `query($ids: [ID!]!, $on: Date!) { midwayReportsDueCount(citizenIds: $ids, on: $on) }`;

/**
 * The staff daily digest: from 07:00 Copenhagen time, once per day (the `digest_run` row for the
 * day is written in the same transaction, so however many workers try, one makes it; if gathering
 * fails, nothing is written and the next round tries again). Every staff member with an active
 * caseload and an e-mail address gets one STAFF_DIGEST notice with counts only, delivered by the
 * worker like any other notice (retries, status). Counts come from the owning services with the
 * service identity; unread messages are the citizens service's own.
 */
export async function prepareDailyDigest(dataSource: DataSource, sources: DigestSources, now = new Date()): Promise<number> {
  if (!digestDue(now)) return 0;
  return dataSource.transaction(async (tx) => {
    const claimed: unknown[] = await tx.query(`INSERT INTO digest_run (day) VALUES ($1) ON CONFLICT DO NOTHING RETURNING day`, [
      copenhagenDate(now),
    ]);
    if (claimed.length === 0) return 0;
    const staff: { staffId: string; citizens: { id: string; enrolledAt: string }[]; unread: number }[] = await tx.query(
      `SELECT a.staff_id AS "staffId",
              json_agg(DISTINCT jsonb_build_object('id', c.id, 'enrolledAt', to_char(c.enrolled_at, 'YYYY-MM-DD'))) AS citizens,
              (SELECT COUNT(*)::int FROM message m WHERE m.citizen_id = ANY(array_agg(c.id)) AND m.from_role = 'CITIZEN' AND m.read_at IS NULL) AS unread
         FROM assignment a JOIN citizen c ON c.id = a.citizen_id JOIN staff_member s ON s.id = a.staff_id
        WHERE a.from_date <= $1 AND (a.to_date IS NULL OR a.to_date >= $1) AND s.email <> ''
        GROUP BY a.staff_id`,
      [copenhagenDate(now)],
    );
    for (const member of staff) {
      const ids = member.citizens.map((c) => c.id);
      const [meetings, placements, plans] = await Promise.all([
        sources.meetings.query<{ caseloadDigest: Omit<DigestCounts, 'placementsEnding' | 'midwayReportsDue' | 'unreadMessages'> }>(
          CASELOAD_DIGEST,
          {
            c: member.citizens,
          },
        ),
        sources.placements.query<{ placementsEndingCount: number }>(PLACEMENTS_ENDING, { ids }),
        sources.plans.query<{ midwayReportsDueCount: number }>(MIDWAY_REPORTS_DUE, { ids, on: copenhagenDate(now) }),
      ]);
      const details: DigestCounts = {
        ...meetings.caseloadDigest,
        placementsEnding: placements.placementsEndingCount,
        midwayReportsDue: plans.midwayReportsDueCount,
        unreadMessages: member.unread,
      };
      await insertNotification(tx, {
        staffId: member.staffId,
        kind: 'STAFF_DIGEST',
        channel: 'EMAIL',
        details: { ...details },
        sendAfter: now,
      });
    }
    return staff.length;
  });
}
