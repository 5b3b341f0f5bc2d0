import { IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DateScalar } from '@jobcenter/kit';
import { MilestoneResponsible } from './milestone.enums';

@InputType({ description: 'A new milestone (milepæl) in a plan.' })
export class AddMilestoneInput {
  @Field({ description: 'What is to be reached, in words the citizen uses.' })
  @MaxLength(200)
  title!: string;

  @Field(() => DateScalar, { description: "Deadline (frist); not before the plan's start." })
  deadline!: string;

  @Field(() => String, { nullable: true, description: 'More about the step.' })
  @IsOptional()
  @MaxLength(4000)
  description?: string | null;

  @Field(() => MilestoneResponsible, { nullable: true, description: 'Who carries it; defaults to SHARED.' })
  responsible?: MilestoneResponsible;
}

@InputType({ description: 'The milestone that replaces a REVISED one; fields left out are taken from the old milestone.' })
export class MilestoneRevisionInput {
  @Field(() => DateScalar, { description: 'The new deadline.' })
  deadline!: string;

  @Field({ nullable: true, description: 'A new title; defaults to the old one.' })
  @IsOptional()
  @MaxLength(200)
  title?: string;

  @Field(() => String, { nullable: true, description: 'More about the step.' })
  @IsOptional()
  @MaxLength(4000)
  description?: string | null;

  @Field(() => MilestoneResponsible, { nullable: true, description: 'Who carries it; defaults to the old one.' })
  responsible?: MilestoneResponsible;
}
