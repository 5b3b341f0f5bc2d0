import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '@jobcenter/kit';

@ObjectType({ description: "One look-up drawn for a team lead's spot check (stikprøvekontrol), with everything needed to review it." })
export class AccessLogSpotCheckEntry {
  @Field(() => DateTimeScalar, { description: 'When.' })
  at!: Date;

  @Field({ description: 'Which part of the jobcenter: citizens, plans, meetings or placements.' })
  domain!: string;

  @Field({ description: 'What kind of data was looked at or changed.' })
  kind!: string;

  @Field({ description: 'READ, SEARCH or CHANGE.' })
  operation!: string;

  @Field({
    description: 'ALLOWED, or REFUSED: a try at a citizen outside the caseload (or by someone with no access at all); no data was given.',
  })
  outcome!: string;

  @Field({ description: 'CASE_WORK, EMERGENCY (with its reason), or NONE (a refused try by someone with no purpose here).' })
  purpose!: string;

  @Field(() => String, { nullable: true, description: 'The stated reason of an emergency access.' })
  reason!: string | null;

  @Field(() => ID, { description: 'Who looked (staff id).' })
  actorId!: string;

  @Field({ description: 'Their role, e.g. CASEWORKER.' })
  actorRole!: string;

  @Field(() => String, { nullable: true, description: 'The client operation, e.g. CaseworkerCaseload.' })
  operationName!: string | null;

  @Field({ description: 'The request id, to find the same request in the other domains and in the service logs.' })
  requestId!: string;

  /** Whose data it was; the field `citizen` resolves it. */
  citizenId!: string;
}

@ObjectType({ description: "One domain's share of a spot check." })
export class AccessLogSpotCheckDomain {
  @Field({ description: 'citizens, plans, meetings or placements.' })
  domain!: string;

  @Field(() => Int, { description: 'Look-ups of the team’s citizens in this domain in the window.' })
  lookUps!: number;

  @Field(() => Int, { description: 'How many of the sample came from here.' })
  drawn!: number;
}

@ObjectType({
  description:
    "A random sample of the look-ups of the team's citizens, for the team lead's review (stikprøvekontrol): every look-up in the " +
    'window was equally likely to be drawn, whichever domain logged it.',
})
export class AccessLogSpotCheck {
  @Field(() => DateTimeScalar, { description: 'Start of the window.' })
  from!: Date;

  @Field(() => DateTimeScalar, { description: 'End of the window (when the sample was drawn).' })
  to!: Date;

  @Field(() => Int, { description: 'All look-ups of the team’s citizens in the window, in the four domains (the population).' })
  lookUps!: number;

  @Field(() => [AccessLogSpotCheckDomain], { description: 'The population and the sample per domain.' })
  byDomain!: AccessLogSpotCheckDomain[];

  @Field(() => [AccessLogSpotCheckEntry], { description: 'The sample, newest first; all look-ups when there are no more than asked for.' })
  entries!: AccessLogSpotCheckEntry[];
}
