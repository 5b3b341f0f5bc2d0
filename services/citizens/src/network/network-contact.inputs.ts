import { IsEmail, IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType()
export class NetworkContactInput {
  @Field()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(200)
  name!: string;

  @Field({ description: 'e.g. "mother", "partner", "support contact person" (støtte-kontaktperson).' })
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(100)
  relation!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 ]{8,20}$/, { message: 'must be a phone number of 8 or more digits' })
  phone?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  email?: string;
}
