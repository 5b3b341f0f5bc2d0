import { IsEmail, IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@jobcenter/kit';
import { CitizenStatus, ContactChannel, TargetGroup } from './citizen.enums';
import { Citizen } from './citizen.entity';

const PHONE = /^\+?[0-9 ]{8,20}$/;
const PHONE_MESSAGE = 'must be a phone number of 8 or more digits, e.g. +45 12 34 56 78';

@InputType({ description: 'Narrows the citizen list; all given filters must match.' })
export class CitizenFilter {
  @Field(() => CitizenStatus, { nullable: true })
  status?: CitizenStatus;

  @Field(() => TargetGroup, { nullable: true })
  targetGroup?: TargetGroup;

  @Field(() => ID, { nullable: true, description: 'Only citizens this staff member has an active assignment to.' })
  staffId?: string;

  @Field({ nullable: true, description: 'Part of the first or last name (case-insensitive).' })
  @MaxLength(100)
  search?: string;
}

@InputType({ description: 'A new citizen entering a course with the jobcenter.' })
export class RegisterCitizenInput {
  @Field({ description: 'CPR number, DDMMYY-SSSS or DDMMYYSSSS.' })
  cpr!: string;

  @Field()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(100)
  firstName!: string;

  @Field()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(100)
  lastName!: string;

  @Field(() => TargetGroup)
  targetGroup!: TargetGroup;

  @Field(() => DateScalar, { nullable: true, description: 'Defaults to today.' })
  enrolledAt?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  email?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  phone?: string;

  @Field(() => ContactChannel, { nullable: true, description: 'Defaults to PHONE when a phone number is given, else LETTER.' })
  preferredContact?: ContactChannel;
}

@InputType({ description: 'Changes to a citizen; fields left out stay as they are. Send null to clear e-mail or phone.' })
export class UpdateCitizenInput {
  @Field({ nullable: true })
  @IsOptional()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(100)
  firstName?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(100)
  lastName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  phone?: string | null;

  @Field(() => ContactChannel, { nullable: true })
  preferredContact?: ContactChannel;

  @Field(() => TargetGroup, { nullable: true })
  targetGroup?: TargetGroup;

  @Field(() => CitizenStatus, { nullable: true })
  status?: CitizenStatus;
}

@ObjectType({ description: 'Where a page of a list ends and whether more follow.' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;
}

@ObjectType({ description: 'A page of citizens, ordered by last name, first name.' })
export class CitizenConnection {
  @Field(() => [Citizen])
  nodes!: Citizen[];

  @Field(() => Int, { description: 'How many citizens match the filter in all.' })
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
