import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '@jobcenter/kit';

/** Something agreed at a meeting, stored with the meeting (jsonb), so it is never lost. */
@ObjectType({ description: 'Something agreed at a meeting (aftale), with a deadline where there is one.' })
export class Agreement {
  @Field({ description: 'What was agreed, in plain words.' })
  text!: string;

  @Field(() => DateScalar, { nullable: true, description: 'By when (frist), if agreed.' })
  deadline!: string | null;
}
