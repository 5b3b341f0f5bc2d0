import { ArrayMaxSize, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '@jobcenter/kit';
import { MeetingKind, MeetingStatus, ParticipantRole } from './meeting.enums';

@InputType({ description: 'Someone taking part: a staff member by id, or a named person from the network.' })
export class ParticipantInput {
  @Field(() => ParticipantRole)
  role!: ParticipantRole;

  @Field(() => ID, { nullable: true, description: 'Required for CASEWORKER, RESOURCE_CONSULTANT and JOB_CONSULTANT.' })
  staffId?: string | null;

  @Field(() => String, { nullable: true, description: 'Required for RELATIVE, SUPPORT_PERSON and EMPLOYER.' })
  @IsOptional()
  @MaxLength(200)
  name?: string | null;
}

@InputType({ description: 'A meeting to book. A time in the past is fine: meetings are often registered afterwards.' })
export class ScheduleMeetingInput {
  @Field(() => ID)
  citizenId!: string;

  @Field(() => MeetingKind)
  kind!: MeetingKind;

  @Field({ description: 'Start (UTC).' })
  scheduledAt!: Date;

  @Field(() => Int, { description: 'Length in minutes, 5 to 480.' })
  @Min(5, { message: 'must be at least 5 minutes' })
  @Max(480, { message: 'must be at most 480 minutes (8 hours)' })
  durationMinutes!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  location?: string | null;

  @Field(() => [ParticipantInput], {
    nullable: true,
    description: 'Who takes part. Left out: the staff member booking. Staff already booked at that time make it a CONFLICT.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  participants?: ParticipantInput[] | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "The placement the meeting is about (a PLACEMENT_KICKOFF or PLACEMENT_FOLLOW_UP meeting): one of the citizen's own placements. A held kick-off lets the placement start.",
  })
  placementId?: string | null;
}

@InputType({ description: 'Something agreed at the meeting, with who carries it and by when.' })
export class AgreementInput {
  @Field({ description: 'What was agreed, in plain words.' })
  @MaxLength(2000)
  text!: string;

  @Field(() => DateScalar, { nullable: true, description: 'By when (frist); not before the meeting.' })
  deadline?: string | null;

  @Field(() => ParticipantRole, {
    nullable: true,
    description: 'Who carries it (ansvarlig). Left out: the citizen, or give the role with `responsibleStaffId` for a staff member.',
  })
  responsible?: ParticipantRole | null;

  @Field(() => ID, { nullable: true, description: 'The staff member who carries it; with a staff role in `responsible`.' })
  responsibleStaffId?: string | null;
}

@InputType({ description: 'How a meeting went. Recording again over an outcome amends it; the previous version is kept.' })
export class MeetingOutcomeInput {
  @Field(() => MeetingStatus, { description: 'HELD, NO_SHOW or EXCUSED (lawful excuse, not a no-show).' })
  status!: MeetingStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Why the citizen was absent: required for EXCUSED (the lawful excuse), optional for NO_SHOW; not for HELD.',
  })
  @IsOptional()
  @MaxLength(2000)
  reason?: string | null;

  @Field(() => String, { nullable: true, description: 'Minutes (referat); for a held meeting.' })
  @IsOptional()
  @MaxLength(20000)
  summary?: string | null;

  @Field(() => [AgreementInput], { nullable: true, description: 'What was agreed; for a held meeting.' })
  @IsOptional()
  @ArrayMaxSize(50)
  agreements?: AgreementInput[] | null;
}
