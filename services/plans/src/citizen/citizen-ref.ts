import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The citizen as this subgraph knows them: an id. The citizens service owns everything else;
 * this subgraph adds `plans`, `activePlan`, `progress` and `printablePlan` to the federated
 * `Citizen` type. The class has its own TS name so it never clashes with the citizens
 * service's `Citizen` class when both are loaded into one process (type-graphql keeps global
 * metadata).
 */
@ObjectType('Citizen', { description: 'A citizen followed by the jobcenter (borger).' })
@Directive('@key(fields: "id")')
export class CitizenRef {
  @Field(() => ID, { description: 'The citizen id, as in the citizens service.' })
  id!: string;

  /** Owned by the citizens subgraph; present only when a field that requires it is asked for. */
  @Field({ description: 'First name (owned by the citizens service).' })
  @Directive('@external')
  firstName?: string;

  @Field({ description: 'Last name (owned by the citizens service).' })
  @Directive('@external')
  lastName?: string;
}
