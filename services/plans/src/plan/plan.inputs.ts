import { IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DateScalar } from '@jobcenter/kit';
import { PlanStatus } from './plan.enums';

@InputType({ description: 'A new action plan (handleplan) for a citizen.' })
export class CreatePlanInput {
  @Field({ description: 'The long-term goal (langsigtet mål).' })
  @MaxLength(1000)
  longTermGoal!: string;

  @Field(() => String, { nullable: true, description: "The citizen's own words (borgerens perspektiv)." })
  @IsOptional()
  @MaxLength(4000)
  citizenPerspective?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the plan; defaults to today, may be in the past.' })
  startDate?: string;

  @Field(() => PlanStatus, { nullable: true, description: 'DRAFT or ACTIVE (the default). A citizen has at most one ACTIVE plan.' })
  status?: PlanStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Planned last day of the course of support; not before the start.' })
  plannedEndDate?: string | null;
}

@InputType({ description: 'Changes to a plan; fields left out stay as they are. A citizen may change only `citizenPerspective`.' })
export class UpdatePlanInput {
  @Field({ nullable: true, description: 'The long-term goal (langsigtet mål).' })
  @IsOptional()
  @MaxLength(1000)
  longTermGoal?: string;

  @Field(() => String, { nullable: true, description: "The citizen's own words; send null or an empty string to clear them." })
  @IsOptional()
  @MaxLength(4000)
  citizenPerspective?: string | null;

  @Field(() => PlanStatus, {
    nullable: true,
    description: 'DRAFT → ACTIVE → COMPLETED or ABANDONED (also DRAFT → ABANDONED); no way back. Closing a plan drops its open milestones.',
  })
  status?: PlanStatus;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Planned last day of the course of support; not before the start. Null clears it.',
  })
  plannedEndDate?: string | null;
}
