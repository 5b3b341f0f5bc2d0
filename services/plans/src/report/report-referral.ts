import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The referral a report is about, as this subgraph knows it: an id. The placements service owns
 * it (provider, kind, dates, status) and decides who may see it; this subgraph only points at it.
 */
@ObjectType('Referral', { description: 'A citizen referred to a provider for an offer (henvisning til tilbud).' })
@Directive('@key(fields: "id", resolvable: false)')
export class ReportReferralRef {
  @Field(() => ID, { description: 'The referral id, as in the placements service.' })
  id!: string;
}
