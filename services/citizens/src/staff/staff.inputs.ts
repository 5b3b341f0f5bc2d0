import { IsEmail, MaxLength, MinLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { StaffRole } from './staff-role';

@InputType()
export class CreateStaffMemberInput {
  @Field()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(200)
  name!: string;

  @Field(() => StaffRole)
  role!: StaffRole;

  @Field()
  @IsEmail({}, { message: 'must be an e-mail address' })
  email!: string;

  @Field()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(200)
  team!: string;
}
