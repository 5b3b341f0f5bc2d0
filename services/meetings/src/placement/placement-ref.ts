import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A placement as this subgraph knows it: an id. The placements subgraph owns it; this subgraph
 * adds `kickoff`. Own TS class name, see `MeetingsCitizen`.
 */
@ObjectType('Placement', {
  description: "A citizen's placement at a company: internship (virksomhedspraktik), wage subsidy (løntilskud) or job.",
})
@Directive('@key(fields: "id")')
export class MeetingsPlacement {
  @Field(() => ID, { description: 'Unique id.' })
  id!: string;
}

export const placementRef = (id: string): MeetingsPlacement => ({ id });
export const resolvePlacementReference = (reference: { id: string }): MeetingsPlacement => placementRef(reference.id);
