import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ContactChannel } from '../citizen/citizen.enums';

export enum NotificationStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(NotificationStatus, {
  name: 'NotificationStatus',
  description: 'Where a notice to a person stands: waiting to go (PENDING), sent, FAILED with a reason, or CANCELLED (no longer needed).',
});

@ObjectType({
  description:
    'A notice to the citizen (påmindelse / besked): a meeting booked, moved, cancelled or tomorrow, a deadline in 3 days, a new message, a report shared with them.',
})
export class Notification {
  @Field(() => ID)
  id!: string;

  @Field(() => String, {
    description:
      'What it is about: MEETING_BOOKED, MEETING_MOVED, MEETING_CANCELLED, MEETING_REMINDER, MILESTONE_DUE, AGREEMENT_DUE, NEW_MESSAGE or REPORT_SHARED.',
  })
  kind!: string;

  @Field(() => ContactChannel, {
    description: "The channel, from the citizen's preferred contact (EMAIL; SMS; LETTER = Digital Post; IN_PERSON = not sent).",
  })
  channel!: string;

  @Field(() => NotificationStatus)
  status!: NotificationStatus;

  @Field(() => Date, { description: 'When it was recorded (with the change that caused it).' })
  createdAt!: Date;

  @Field(() => Date, {
    description: 'Not sent before this time (a reminder the day before; no SMS 21:00–08:00 Copenhagen time; the next retry).',
  })
  sendAfter!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was handed over to the channel.' })
  sentAt!: Date | null;

  @Field(() => Int, { description: 'Delivery attempts so far.' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed, or why it was cancelled.' })
  failure!: string | null;
}
