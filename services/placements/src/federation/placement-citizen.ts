import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The citizen as this subgraph knows them: an id. The citizens service owns everything else.
 * Its own TS class name keeps it apart from the other subgraphs' `Citizen` classes when several
 * subgraphs are loaded into one process (type-graphql keeps global metadata).
 */
@ObjectType('Citizen', { description: 'A citizen followed by the jobcenter (borger).' })
@Directive('@key(fields: "id")')
export class PlacementCitizen {
  @Field(() => ID, { description: 'The citizen id, as in the citizens service.' })
  id!: string;
}
