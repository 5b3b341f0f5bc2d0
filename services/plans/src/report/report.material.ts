import { badUserInput, RequestContext, subgraphClient } from '@jobcenter/kit';
import { PlansLoaders } from '../loaders';
import { isUuid } from '@jobcenter/kit/ids';
import { Plan } from '../plan/plan.entity';
import type { ReportMaterial, ReportReferral } from './report.compose';

const SUBJECT = `query ReportSubject($citizenId: ID!, $actorRole: String!, $actorId: ID!) {
  reportSubject(citizenId: $citizenId, actorRole: $actorRole, actorId: $actorId) { firstName lastName } }`;
const MATERIAL = `query ReportMaterial($citizenId: ID!, $from: Date!, $to: Date!, $actorRole: String!, $actorId: ID!) {
  reportMaterial(citizenId: $citizenId, from: $from, to: $to, actorRole: $actorRole, actorId: $actorId) {
    meetings { kind scheduledAt status summary }
    agreements { text responsible status deadline agreedOn }
    attendance { courseTitle sessions present absent excused } } }`;

const REFERRAL = `query ReportReferral($referralId: ID!, $citizenId: ID!, $actorRole: String!, $actorId: ID!) {
  reportReferral(referralId: $referralId, citizenId: $citizenId, actorRole: $actorRole, actorId: $actorId) {
    citizenId providerName kind purpose startDate endDate status outcome result } }`;

/**
 * The referral a report is about, from placements (which owns referrals), asked like the rest of
 * the material: SERVICE identity, after the caller's access to the citizen was checked, naming the
 * staff member drafting so placements logs the read under them. Placements answers null for an
 * unknown referral and for another citizen's; both are wrong at `referralId`.
 */
export async function fetchReportReferral(
  ctx: RequestContext<PlansLoaders>,
  citizenId: string,
  referralId: string,
): Promise<ReportReferral & { citizenId: string }> {
  const notTheCitizens = () => badUserInput("referralId: this is not one of the citizen's referrals.", 'referralId');
  if (!isUuid(referralId)) throw notTheCitizens();
  const res = await subgraphClient('plans', 'placements').query<{ reportReferral: (ReportReferral & { citizenId: string }) | null }>(
    REFERRAL,
    { referralId, citizenId, actorRole: ctx.actor.role, actorId: ctx.actor.id },
    ctx.requestId,
  );
  if (!res.reportReferral || res.reportReferral.citizenId !== citizenId) throw notTheCitizens();
  return res.reportReferral;
}

type Gathered = Pick<ReportMaterial, 'citizenName' | 'milestones' | 'progress' | 'meetings' | 'agreements' | 'attendance'>;

/**
 * Everything a report quotes, gathered when it is drafted: the plan's milestones with their
 * history and the citizen's progression from this service; the citizen's name from citizens; the
 * period's meetings, agreements and course attendance from meetings. The other two are asked with
 * this service's SERVICE identity after the caller's access to the citizen was checked, naming
 * the staff member drafting, so each logs the read under them. A service that cannot answer makes
 * drafting fail rather than produce a report with a silent gap.
 */
export async function gatherMaterial(ctx: RequestContext<PlansLoaders>, plan: Plan, from: string, to: string): Promise<Gathered> {
  const who = { citizenId: plan.citizenId, actorRole: ctx.actor.role, actorId: ctx.actor.id };
  const [subject, material, milestones, progress] = await Promise.all([
    subgraphClient('plans', 'citizens').query<{ reportSubject: { firstName: string; lastName: string } | null }>(
      SUBJECT,
      who,
      ctx.requestId,
    ),
    subgraphClient('plans', 'meetings').query<{ reportMaterial: Pick<ReportMaterial, 'meetings' | 'agreements' | 'attendance'> }>(
      MATERIAL,
      { ...who, from, to },
      ctx.requestId,
    ),
    ctx.loaders.milestonesByPlan.load(plan.id),
    ctx.loaders.progressByCitizen.load(plan.citizenId),
  ]);
  const updates = await ctx.loaders.updatesByMilestone.loadMany(milestones.map((m) => m.id));
  return {
    citizenName: subject.reportSubject ? `${subject.reportSubject.firstName} ${subject.reportSubject.lastName}` : '',
    milestones: milestones.map((m, i) => {
      const history = updates[i];
      if (history instanceof Error) throw history;
      return {
        title: m.title,
        deadline: m.deadline,
        status: m.status,
        achievedAt: m.achievedAt,
        updates: history.map((u) => ({ at: new Date(u.at), authorName: u.authorName, note: u.note })),
      };
    }),
    progress: progress.map((a) => ({ assessedAt: a.assessedAt, assessedBy: a.assessedBy, scores: a.scores })),
    meetings: material.reportMaterial.meetings.map((x) => ({ ...x, scheduledAt: new Date(x.scheduledAt) })),
    agreements: material.reportMaterial.agreements,
    attendance: material.reportMaterial.attendance,
  };
}
