import { Arg, Ctx, Directive, Field, ID, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { DateScalar, isUuid, RequestContext, requireRole } from '@jobcenter/kit';
import { isOverdue } from '../agreement/agreement.rules';
import { cadenceKey } from '../cadence/cadence.loader';
import { networkMeetingOverdue } from '../cadence/cadence.rules';
import { followUpOf } from '../follow-up/follow-up.resolver';
import { MeetingsLoaders } from '../loaders';
import { copenhagenDate } from '@jobcenter/kit/calendar';

@InputType({ description: 'A citizen of a caseload, with the enrolment date the network-meeting rule needs.' })
export class DigestCitizenInput {
  @Field(() => ID)
  id!: string;

  @Field(() => DateScalar)
  enrolledAt!: string;
}

@ObjectType({ description: "Counts for a staff member's daily digest e-mail; no personal data. For the notification service only." })
export class CaseloadDigestCounts {
  @Field(() => Int, { description: 'OPEN agreements past their deadline.' })
  agreementsOverdue!: number;

  @Field(() => Int, { description: 'Citizens whose follow-up on their rhythm is due or past, none booked ahead.' })
  followUpsDue!: number;

  @Field(() => Int, { description: 'Citizens overdue for a network meeting.' })
  networkMeetingsOverdue!: number;
}

/**
 * The citizens service's 07:00 digest asks here, with its SERVICE identity, how many of a
 * caseload's agreements are overdue, follow-ups due and network meetings overdue: counts only,
 * by the same rules and loaders as the caseload's own fields; hidden from the composed API.
 */
@Resolver()
export class CaseloadDigestResolver {
  @Directive('@inaccessible')
  @Query(() => CaseloadDigestCounts, { description: "Counts for a staff member's daily digest over these citizens." })
  async caseloadDigest(
    @Arg('citizens', () => [DigestCitizenInput]) citizens: DigestCitizenInput[],
    @Ctx() ctx: RequestContext<MeetingsLoaders>,
  ): Promise<CaseloadDigestCounts> {
    requireRole(ctx.actor, ['SERVICE'], 'read digest counts');
    const list = citizens.filter((c) => isUuid(c.id)).slice(0, 2_000);
    const today = copenhagenDate(new Date());
    const [agreements, followUps, lastNetwork] = await Promise.all([
      ctx.loaders.openAgreementsByCitizen.loadMany(list.map((c) => c.id)),
      Promise.all(list.map((c) => followUpOf(ctx, c.id))),
      ctx.loaders.cadence.loadMany(list.map((c) => cadenceKey('lastNetwork', c.id))),
    ]);
    const rows = <T>(value: T | Error): T => {
      if (value instanceof Error) throw value;
      return value;
    };
    return {
      agreementsOverdue: agreements.reduce((sum, a) => sum + rows(a).filter((x) => isOverdue(x, today)).length, 0),
      followUpsDue: followUps.filter((f) => f.due).length,
      networkMeetingsOverdue: list.filter((c, i) => networkMeetingOverdue(rows(lastNetwork[i]), c.enrolledAt, today)).length,
    };
  }
}
