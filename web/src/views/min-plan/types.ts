import type { MinPlanQuery } from '../../gql/graphql';

export type Me = NonNullable<MinPlanQuery['citizen']>;
export type MyPlan = NonNullable<Me['activePlan']>;
export type MyMeeting = Me['meetings'][number];
export type MyAssessment = Me['progress'][number];
export type LogEntry = Me['accessLog'][number];
