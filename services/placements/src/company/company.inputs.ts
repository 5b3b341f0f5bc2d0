import { ArrayMaxSize, IsEmail, IsOptional, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { CompanySize } from './company.enums';

const PHONE = /^\+?[0-9 ]{8,20}$/;

@InputType({ description: 'A contact person at a company (kontaktperson).' })
export class CompanyContactInput {
  @Field({ description: 'Full name.' })
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(200)
  name!: string;

  @Field({ nullable: true, description: 'Phone number.' })
  @IsOptional()
  @Matches(PHONE, { message: 'must be a phone number of 8 or more digits, e.g. +45 12 34 56 78' })
  phone?: string;

  @Field({ nullable: true, description: 'E-mail address.' })
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  email?: string;
}

@InputType({ description: 'A company new to the jobcenter.' })
export class RegisterCompanyInput {
  @Field({ description: 'CVR number (CVR-nummer): 8 digits, spaces allowed.' })
  cvr!: string;

  @Field({ description: 'Company name.' })
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(200)
  name!: string;

  @Field({ nullable: true, description: 'Industry (branche).' })
  @IsOptional()
  @MaxLength(200)
  industry?: string;

  @Field(() => CompanySize, { nullable: true, description: 'Company size.' })
  size?: CompanySize;

  @Field({ nullable: true, description: 'Partnership agreement with the municipality; defaults to false.' })
  partnership?: boolean;

  @Field(() => [CompanyContactInput], { nullable: true, description: 'Contact persons.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  contacts?: CompanyContactInput[];
}
