import { RequestContext } from '@jobcenter/kit';
import { mayReadCitizenPlacements } from '../access';
import { PlacementsLoaders } from '../loaders';
import { Referral } from './referral.entity';

/** Referral references from other subgraphs (e.g. a report about a referral), batched; the reader must be allowed to see it. */
export async function resolveReferralReference(
  reference: { id: string },
  ctx: RequestContext<PlacementsLoaders>,
): Promise<Referral | null> {
  const referral = await ctx.loaders.referralById.load(reference.id);
  if (referral && !(await mayReadCitizenPlacements(ctx, referral.citizenId, 'Referrals'))) return null;
  return referral;
}
