import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '@jobcenter/kit';
import { PlacementKind } from '../placement/placement.enums';
import { TargetGroup } from '../target-group/target-group';
import { describeLength, PlacementRule } from './placement-rules';

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

/** The rule as shown to staff: lengths in words. */
export function ruleInfo(rule: PlacementRule): PlacementRuleInfo {
  return {
    code: rule.code,
    description: rule.description,
    source: rule.source,
    maxLength: describeLength(rule.maxLength),
    extension: rule.extension
      ? `with a justification up to ${describeLength(rule.extension.upTo)} in all, then ${describeLength(rule.extension.thenStep)} at a time`
      : null,
    effectiveFrom: rule.effectiveFrom,
  };
}

/** What the rules allow for a placement about to be proposed, before it is submitted. */
@ObjectType({
  description:
    "The legal maximum for a placement not yet proposed (lovens maksimum): the rule in force on the start date for the kind and the citizen's target group as the citizens service records it.",
})
export class PlacementLimit {
  @Field(() => PlacementKind)
  kind!: PlacementKind;

  @Field(() => DateScalar, { description: 'The intended first day.' })
  startDate!: string;

  @Field(() => TargetGroup, { description: "The citizen's target group (målgruppe) as the citizens service records it now." })
  targetGroup!: TargetGroup;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Latest end date allowed without an extension; null when the kind has no legal maximum or no rule allows it (see `refusal`).',
  })
  maxEndDate!: string | null;

  @Field(() => PlacementRuleInfo, { nullable: true, description: 'The rule that sets the maximum; null for ORDINARY_JOB and FLEXJOB.' })
  rule!: PlacementRuleInfo | null;

  @Field(() => String, {
    nullable: true,
    description: 'Set when no rule in force allows this kind for the target group: the message a proposal would be refused with.',
  })
  refusal!: string | null;
}
