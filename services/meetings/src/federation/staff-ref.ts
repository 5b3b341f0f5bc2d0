import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A staff member as this subgraph knows them: an id. The citizens service owns the name,
 * role and team; this subgraph adds `agenda` and `agendaItems`. Own TS class name, see
 * `MeetingsCitizen`.
 */
@ObjectType('StaffMember', { description: 'A professional in the jobcenter (medarbejder).' })
@Directive('@key(fields: "id")')
export class MeetingsStaffMember {
  @Field(() => ID, { description: 'Staff member id.' })
  id!: string;
}

export const staffRef = (id: string): MeetingsStaffMember => ({ id });
