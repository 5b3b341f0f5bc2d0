import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '@jobcenter/kit';

/**
 * The citizen as this subgraph knows them: an id, plus the enrolment date the citizens service
 * owns, which the gateway fetches for `networkMeetingOverdue` (`@requires`). The class has its
 * own TS name so it never clashes with the other services' `Citizen` classes when they are
 * loaded into one process (type-graphql keeps global metadata).
 */
@ObjectType('Citizen', { description: 'A citizen followed by the jobcenter (borger).' })
@Directive('@key(fields: "id")')
export class MeetingsCitizen {
  @Field(() => ID, { description: 'Citizen id.' })
  id!: string;

  /** Owned by the citizens subgraph; only present when a field that requires it is asked for. */
  @Field(() => DateScalar, { description: 'Date the citizen entered the programme (indskrevet).' })
  @Directive('@external')
  enrolledAt?: string;
}

/** A reference to a citizen the gateway can complete from the citizens subgraph. */
export const citizenRef = (id: string): MeetingsCitizen => ({ id });
