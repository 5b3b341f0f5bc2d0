import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '@jobcenter/kit';

/** The legal rule a placement is measured against, as shown to staff. */
@ObjectType({ description: 'The legal rule (regel) that limits a placement: the row in force on its start date.' })
export class PlacementRuleInfo {
  @Field({ description: 'Stable rule code, e.g. LAB-61-INTERNSHIP-13W.' })
  code!: string;

  @Field({ description: 'What the rule covers.' })
  description!: string;

  @Field({ description: 'Legal source (hjemmel), e.g. "LAB § 61".' })
  source!: string;

  @Field({ description: 'Maximum length without extension, e.g. "13 weeks".' })
  maxLength!: string;

  @Field(() => String, { nullable: true, description: 'Extension rule, if the rule allows extensions.' })
  extension!: string | null;

  @Field(() => DateScalar, { description: 'The day this version of the rule took effect.' })
  effectiveFrom!: string;
}
