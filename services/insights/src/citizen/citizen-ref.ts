import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The citizen as this subgraph knows them: an id (the citizens service owns everything else).
 * The class has its own TS name so it never clashes with another subgraph's `Citizen` class when
 * several are loaded into one process (type-graphql keeps global metadata).
 */
@ObjectType('Citizen', { description: 'A citizen followed by the jobcenter (borger).' })
@Directive('@key(fields: "id")')
export class InsightsCitizen {
  @Field(() => ID, { description: 'The citizen id, as in the citizens service.' })
  id!: string;
}
