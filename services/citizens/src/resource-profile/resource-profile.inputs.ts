import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Fields left out stay as they are.' })
export class ResourceProfileInput {
  @Field({ nullable: true, description: "Dreams and visions, in the citizen's own words." })
  @IsOptional()
  @MaxLength(5000)
  dreams?: string;

  @Field(() => [String], { nullable: true, description: 'Replaces the list of strengths.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @MaxLength(300, { each: true })
  strengths?: string[];
}
