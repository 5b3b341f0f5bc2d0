import type { CitizenPageQuery } from '../../gql/graphql';

export type CitizenData = NonNullable<CitizenPageQuery['citizen']>;
export type PlanData = NonNullable<CitizenData['activePlan']>;
export type MilestoneData = PlanData['milestones'][number];
export type MeetingData = CitizenData['meetings'][number];
