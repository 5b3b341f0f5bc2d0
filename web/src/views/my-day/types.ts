import type { MyDayQuery } from '../../gql/graphql';

type Me = NonNullable<MyDayQuery['staffMember']>;
export type Attention = Me['placementsNeedingAttention'][number];
export type OwnPlacement = Me['placements'][number];
export type CaseloadCitizen = Me['caseload'][number];
export type DayPlacement = Attention['placement'];
