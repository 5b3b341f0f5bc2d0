import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The milestone a referral serves, as this subgraph knows it: an id. The plans service owns it
 * (title, deadline, status) and decides who may see it; this subgraph only points at it.
 */
@ObjectType('Milestone', { description: "A milestone of the citizen's plan (milepæl)." })
@Directive('@key(fields: "id", resolvable: false)')
export class ReferralMilestone {
  @Field(() => ID, { description: 'The milestone id, as in the plans service.' })
  id!: string;
}
