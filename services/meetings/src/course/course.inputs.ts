import { ArrayMaxSize, ArrayMinSize, IsOptional, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CourseTopic } from './course.enums';

@InputType({ description: 'A new group course; its 8 weekly sessions are created from the first one.' })
export class CreateGroupCourseInput {
  @Field()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(200)
  title!: string;

  @Field(() => [CourseTopic])
  @ArrayMinSize(1, { message: 'name at least one topic' })
  topics!: CourseTopic[];

  @Field({ description: 'Start of session 1 (UTC). The rest follow weekly at the same Copenhagen wall-clock time.' })
  firstSessionAt!: Date;

  @Field(() => [ID], { description: 'Exactly 2 different staff members (usually resource consultants).' })
  @ArrayMaxSize(10)
  facilitatorIds!: string[];

  @Field(() => Int, { nullable: true, description: 'At most 12; default 12.' })
  capacity?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  location?: string | null;
}
