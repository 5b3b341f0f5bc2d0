import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The staff member as this subgraph knows them: an id (see `PlacementCitizen`). */
@ObjectType('StaffMember', { description: 'A professional in the jobcenter (medarbejder).' })
@Directive('@key(fields: "id")')
export class PlacementStaffMember {
  @Field(() => ID, { description: 'The staff member id, as in the citizens service.' })
  id!: string;
}
