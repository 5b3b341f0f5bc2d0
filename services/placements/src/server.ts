import 'reflect-metadata';
import { emptyConsumerReadModel, SubgraphDefinition } from '@jobcenter/kit';
import { AccessLogResolver } from '@jobcenter/kit/audit-log';
import { PlacementsEndingResolver } from './digest/placements-ending.resolver';
import { Company } from './company/company.entity';
import { resolveCompanyReference } from './company/company.reference';
import { CompanyResolver } from './company/company.resolver';
import { seedPlacementsDemo } from './demo/demo-data';
import { CitizenPlacementsResolver } from './federation/citizen.fields';
import { StaffPlacementsResolver } from './federation/staff.fields';
import { PlacementFollowUp } from './follow-up/follow-up.entity';
import { createLoaders, PlacementsLoaders } from './loaders';
import { migrations } from './migrations';
import { PlacementExtension } from './placement/placement-extension.entity';
import { Placement } from './placement/placement.entity';
import { PlacementFieldsResolver } from './placement/placement.fields';
import { resolvePlacementReference } from './placement/placement.reference';
import { PlacementResolver } from './placement/placement.resolver';
import { PlacementLimitResolver } from './rules/placement-limit.resolver';
import { PlacementStatisticsResolver } from './statistics/statistics.resolver';
import { placementsRecord } from './record';
import { PathwayFieldsResolver } from './pathway/pathway.fields';
import { PlacementOwnerResolver } from './pathway/placement-owner.resolver';
import { PlacementKickoff } from './pathway/kickoff.entity';
import { createKickoffConsumer, meetingsFeedUrl } from './pathway/kickoff.consumer';
import { Consent } from './consent/consent.entity';
import { CitizenConsentsResolver, ConsentResolver } from './consent/consent.resolver';
import { Disclosure } from './consent/disclosure.entity';
import { DisclosureResolver, PlacementDisclosuresResolver } from './consent/share.resolver';
import { Provider } from './provider/provider.entity';
import { resolveProviderReference } from './provider/provider.reference';
import { ProviderResolver } from './provider/provider.resolver';
import { CitizenReferralsResolver } from './referral/referral-citizen.fields';
import { ReferralRenewal } from './referral/referral-renewal.entity';
import { Referral } from './referral/referral.entity';
import { ReferralFieldsResolver } from './referral/referral.fields';
import { resolveReferralReference } from './referral/referral.reference';
import { ReferralResolver } from './referral/referral.resolver';
import { ReportReferralResolver } from './referral/referral-report.resolver';

/** The placements and offers bounded context: companies, internships, wage subsidy, the job consultant's list, providers and referrals to offers. */
export const placementsSubgraph: SubgraphDefinition<PlacementsLoaders> = {
  name: 'placements',
  defaultPort: 4004,
  // Caseload grants (who may read which citizen) come from citizens, and the target group for the legal maximum;
  // meetings' event feed tells which kick-off meetings were held (pathway/kickoff.consumer.ts).
  calls: ['citizens', 'meetings'],
  resolvers: [
    // The service's part of the citizen's access log, for Citizen.accessLog (services only).
    AccessLogResolver,
    CompanyResolver,
    // A count for the citizens service's daily digest e-mail (notifications).
    PlacementsEndingResolver,
    PlacementResolver,
    PlacementFieldsResolver,
    PlacementLimitResolver,
    CitizenPlacementsResolver,
    StaffPlacementsResolver,
    PlacementStatisticsResolver,
    // Pathways: previous / next / pathway, and whose placement an id names (for meetings' kick-off link).
    PathwayFieldsResolver,
    PlacementOwnerResolver,
    // Consent: recordConsent / withdrawConsent, Citizen.consents, sharing follow-up notes under a consent.
    ConsentResolver,
    CitizenConsentsResolver,
    DisclosureResolver,
    PlacementDisclosuresResolver,
    // Offers (docs/offers.md): the provider register and referrals.
    ProviderResolver,
    ReferralResolver,
    ReferralFieldsResolver,
    CitizenReferralsResolver,
    // A referral copied into a report of the course by plans (services only).
    ReportReferralResolver,
  ],
  referenceResolvers: {
    Company: { __resolveReference: resolveCompanyReference },
    Placement: { __resolveReference: resolvePlacementReference },
    Provider: { __resolveReference: resolveProviderReference },
    Referral: { __resolveReference: resolveReferralReference },
  },
  entities: [
    Company,
    Placement,
    PlacementFollowUp,
    PlacementExtension,
    Provider,
    Referral,
    ReferralRenewal,
    PlacementKickoff,
    Consent,
    Disclosure,
  ],
  migrations,
  // Caseloads from the citizens subgraph, behind the kit's grant cache.
  access: { kind: 'placements' },
  createLoaders,
  // What it holds about a citizen, for the citizen's whole record (recordExport; docs/record-export.md).
  record: placementsRecord,
  seedDemo: seedPlacementsDemo,
  // Held kick-off meetings, from meetings' event feed (MEETINGS_URL), into placement_kickoff.
  background: async (running, logger) => {
    const url = meetingsFeedUrl();
    if (!url) return async () => undefined;
    const consumer = createKickoffConsumer(running.dataSource, url, { logger });
    consumer.start();
    return () => consumer.stop();
  },
  eventSources: (): Record<string, string> => {
    const url = meetingsFeedUrl();
    return url ? { meetings: url } : {};
  },
  // Kick-offs come from meetings' feed only.
  resetReadModel: (dataSource) => emptyConsumerReadModel(dataSource, ['placement_kickoff']),
};
