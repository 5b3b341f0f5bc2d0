import { Arg, Ctx, Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { isCaseStaffRole, logReadFor, RequestContext } from '@jobcenter/kit';
import { requireRole } from '@jobcenter/kit/access';
import { isUuid } from '@jobcenter/kit/ids';
import { Citizen } from '../citizen/citizen.entity';
import { CitizensLoaders } from '../loaders';

@ObjectType('ReportSubject', { description: "The citizen's name as a report of their course is headed with (services only)." })
@Directive('@inaccessible')
export class ReportSubject {
  @Field()
  firstName!: string;

  @Field()
  lastName!: string;
}

/**
 * The plans service heads a report of a course (CaseReport) with the citizen's name, copied when
 * the report is drafted. It asks here with its SERVICE identity after checking that the staff
 * member drafting may see the citizen, and names them, so the read is on the citizen's access
 * log under that staff member. Hidden from the composed API.
 */
@Resolver()
export class ReportSubjectResolver {
  @Directive('@inaccessible')
  @Query(() => ReportSubject, { nullable: true, description: "The citizen's name for a report being drafted; null for an unknown id." })
  async reportSubject(
    @Arg('citizenId', () => ID) citizenId: string,
    @Arg('actorRole', () => String) actorRole: string,
    @Arg('actorId', () => ID) actorId: string,
    @Ctx() ctx: RequestContext<CitizensLoaders>,
  ): Promise<ReportSubject | null> {
    requireRole(ctx.actor, ['SERVICE'], 'read report subjects');
    if (!isUuid(citizenId) || !isCaseStaffRole(actorRole)) return null;
    const citizen = await ctx.dataSource
      .getRepository(Citizen)
      .findOne({ select: { id: true, firstName: true, lastName: true }, where: { id: citizenId } });
    if (!citizen) return null;
    await logReadFor(ctx.dataSource, {
      domain: 'citizens',
      citizenId,
      kind: 'name (report drafting)',
      actor: { id: actorId, role: actorRole },
      requestId: ctx.requestId,
      operationName: 'reportSubject',
    });
    return { firstName: citizen.firstName, lastName: citizen.lastName };
  }
}
