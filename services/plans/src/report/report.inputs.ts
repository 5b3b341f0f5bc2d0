import { MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '@jobcenter/kit';
import { ReportKind } from './report.enums';

@InputType({
  description: "A report of a course of support to draft from the plan and the period's meetings (statusrapport / afslutningsrapport).",
})
export class DraftReportInput {
  @Field(() => ID, { description: 'The citizen the report is about.' })
  citizenId!: string;

  @Field(() => ReportKind, { description: 'MIDWAY_STATUS or FINAL.' })
  kind!: ReportKind;

  @Field(() => DateScalar, { description: "First day of the period the report covers; not before the plan's start." })
  periodFrom!: string;

  @Field(() => DateScalar, { description: "Last day of the period; not before periodFrom, not after the plan's (planned) end." })
  periodTo!: string;

  @Field({ description: "The author's evaluation and proposal for what comes next; paragraphs separated by a blank line." })
  @MaxLength(20000)
  evaluation!: string;

  @Field(() => ID, { nullable: true, description: "The plan the report is about; defaults to the citizen's ACTIVE plan." })
  planId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "A referral of the citizen's (placements' Referral) the report is about instead of the plan as a whole, e.g. a course of " +
      "pedagogical support in the home; the period must then lie within the referral's dates. The report still belongs to the plan.",
  })
  referralId?: string | null;
}
