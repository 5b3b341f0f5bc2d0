import { Directive, Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../scalars';

/** One line of "who has looked at my data", as the citizen and their team lead read it. */
@ObjectType('AccessLogEntry', { description: "One look-up or change of a citizen's data (the citizen's access log)." })
@Directive('@shareable')
export class AccessLogView {
  @Field(() => DateTimeScalar)
  at!: Date;

  @Field({ description: 'Which part of the jobcenter: citizens, plans, meetings or placements.' })
  domain!: string;

  @Field({ description: 'What kind of data was looked at or changed.' })
  kind!: string;

  @Field({ description: 'READ, SEARCH or CHANGE.' })
  operation!: string;

  @Field({ description: 'ALLOWED, or REFUSED: someone tried to read or change the data and was refused (no data was given).' })
  outcome!: string;

  @Field({
    description:
      "CASE_WORK, OWN_ACCESS (the citizen's own), EMERGENCY (with its reason), or NONE (a refused try by someone with no purpose here).",
  })
  purpose!: string;

  @Field(() => String, { nullable: true, description: 'The stated reason of an emergency access.' })
  reason!: string | null;

  @Field({ description: 'The role of whoever looked (e.g. CASEWORKER).' })
  actorRole!: string;

  @Field(() => String, { nullable: true, description: 'Who looked (staff id); shown to the team lead, not to the citizen.' })
  actorId!: string | null;

  @Field(() => String, { nullable: true, description: 'The client operation, for the team lead’s review.' })
  operationName!: string | null;

  @Field({ description: 'Pass as `after` to continue with the entries older than this one.' })
  cursor!: string;
}
