import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { groupedBy, LoaderFactory, uniqueBy } from '@jobcenter/kit';
import { addDays, todayInCopenhagen } from '@jobcenter/kit/calendar';
import { Company } from './company/company.entity';
import { PlacementFollowUp } from './follow-up/follow-up.entity';
import { PlacementExtension } from './placement/placement-extension.entity';
import { Placement } from './placement/placement.entity';
import { PlacementStatus } from './placement/placement.enums';
import { consentLoaders } from './consent/consent.loaders';
import { Provider } from './provider/provider.entity';
import { ReferralRenewal } from './referral/referral-renewal.entity';
import { Referral } from './referral/referral.entity';

export type PlacementsLoaders = ReturnType<typeof createLoaders>;

export interface StaffPlacementFilter {
  status?: PlacementStatus | null;
  endingWithinDays?: number | null;
}

/** Per-request loaders: each batch of ids costs one SQL statement. */
export const createLoaders = (({ dataSource }) => {
  const placements = dataSource.getRepository(Placement);
  const today = todayInCopenhagen();

  /** A job consultant's placements for one combination of filters, batched over staff ids. */
  const staffLoaders = new Map<string, DataLoader<string, Placement[]>>();
  const placementsByStaff = (filter: StaffPlacementFilter) => {
    const cacheKey = `${filter.status ?? ''}|${filter.endingWithinDays ?? ''}`;
    let loader = staffLoaders.get(cacheKey);
    if (!loader) {
      loader = groupedBy<Placement>(
        (p) => p.jobConsultantId!,
        (ids) => {
          const qb = placements.createQueryBuilder('p').where('p.job_consultant_id = ANY(:ids)', { ids });
          if (filter.status) qb.andWhere('p.status = :status', { status: filter.status });
          if (filter.endingWithinDays != null) {
            qb.andWhere('p.end_date BETWEEN :today AND :until', { today, until: addDays(today, filter.endingWithinDays) });
          }
          return qb.orderBy('p.end_date', 'ASC').addOrderBy('p.start_date', 'ASC').getMany();
        },
      );
      staffLoaders.set(cacheKey, loader);
    }
    return loader;
  };

  return {
    // Consents and what was shared under them (consent/).
    ...consentLoaders(dataSource),
    companyById: uniqueBy<Company>(
      (c) => c.id,
      (ids) => dataSource.getRepository(Company).findBy({ id: In(ids) }),
    ),
    placementById: uniqueBy<Placement>(
      (p) => p.id,
      (ids) => placements.findBy({ id: In(ids) }),
    ),
    /** All placements of each citizen, newest start first. */
    placementsByCitizen: groupedBy<Placement>(
      (p) => p.citizenId,
      (ids) => placements.find({ where: { citizenId: In(ids) }, order: { startDate: 'DESC', createdAt: 'DESC' } }),
    ),
    /** Placements at each company, newest start first. */
    placementsByCompany: groupedBy<Placement>(
      (p) => p.companyId,
      (ids) => placements.find({ where: { companyId: In(ids) }, order: { startDate: 'DESC', createdAt: 'DESC' } }),
    ),
    placementsByStaff,
    /** Follow-ups of each placement, oldest first. */
    followUpsByPlacement: groupedBy<PlacementFollowUp>(
      (f) => f.placementId,
      (ids) =>
        dataSource.getRepository(PlacementFollowUp).find({ where: { placementId: In(ids) }, order: { date: 'ASC', createdAt: 'ASC' } }),
    ),
    /** Extensions of each placement, oldest first. */
    extensionsByPlacement: groupedBy<PlacementExtension>(
      (e) => e.placementId,
      (ids) => dataSource.getRepository(PlacementExtension).find({ where: { placementId: In(ids) }, order: { createdAt: 'ASC' } }),
    ),
    // Offers (docs/offers.md): providers, referrals and their renewals.
    providerById: uniqueBy<Provider>(
      (p) => p.id,
      (ids) => dataSource.getRepository(Provider).findBy({ id: In(ids) }),
    ),
    referralById: uniqueBy<Referral>(
      (r) => r.id,
      (ids) => dataSource.getRepository(Referral).findBy({ id: In(ids) }),
    ),
    /** All referrals of each citizen, newest start first. */
    referralsByCitizen: groupedBy<Referral>(
      (r) => r.citizenId,
      (ids) => dataSource.getRepository(Referral).find({ where: { citizenId: In(ids) }, order: { startDate: 'DESC', createdAt: 'DESC' } }),
    ),
    /** Renewals of each referral, oldest first. */
    renewalsByReferral: groupedBy<ReferralRenewal>(
      (r) => r.referralId,
      (ids) => dataSource.getRepository(ReferralRenewal).find({ where: { referralId: In(ids) }, order: { createdAt: 'ASC' } }),
    ),
  };
}) satisfies LoaderFactory<unknown>;
