import { Arg, Ctx, Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { RequestContext } from '@jobcenter/kit';
import { requireRole } from '@jobcenter/kit/access';
import { Citizen } from '../citizen/citizen.entity';
import { cprIndexOf } from '../cpr/cpr.storage';
import { CitizensLoaders } from '../loaders';
import { StaffMember } from '../staff/staff-member.entity';
import { StaffRole } from '../staff/staff-role';

@ObjectType({ description: "Who an identity provider's sign-in names here: the actor the gateway asserts. For the gateway only." })
export class SignInIdentity {
  @Field(() => ID, { description: 'StaffMember.id or Citizen.id.' })
  id!: string;

  @Field({ description: 'Full name.' })
  name!: string;

  @Field(() => StaffRole, { nullable: true, description: "The staff member's role as recorded here; null for a citizen." })
  role!: StaffRole | null;

  @Field(() => String, { nullable: true, description: "The staff member's team; null for a citizen." })
  team!: string | null;
}

/**
 * How the gateway turns an OpenID Connect identity into an actor (gateway/src/oidc/): it asks
 * here with its SERVICE identity, once per token. Hidden from the composed API (`@inaccessible`).
 * The CPR number is looked up by its blind index only: never returned or logged in clear (the
 * access log keeps it encrypted, as for every CPR search).
 */
@Resolver()
export class SignInResolver {
  @Directive('@inaccessible')
  @Query(() => SignInIdentity, { nullable: true, description: 'The staff member with this work e-mail (any case); null if none.' })
  async signInStaffMember(@Arg('email') email: string, @Ctx() ctx: RequestContext<CitizensLoaders>): Promise<SignInIdentity | null> {
    requireRole(ctx.actor, ['SERVICE'], 'identify staff members');
    const staff = await ctx.dataSource.getRepository(StaffMember).findOneBy({ email: email.trim().toLowerCase() });
    // Not a citizen's data, so not on the access log (its entries belong to citizens): on the service log, who was looked up.
    ctx.logger.info({ purpose: 'SIGN_IN', staffMember: staff?.id ?? null, requestId: ctx.requestId }, 'sign-in look-up of a staff member');
    return staff && { id: staff.id, name: staff.name, role: staff.role, team: staff.team };
  }

  @Directive('@inaccessible')
  @Query(() => SignInIdentity, { nullable: true, description: 'The registered citizen with this CPR number; null if none.' })
  async signInCitizen(@Arg('cpr') cpr: string, @Ctx() ctx: RequestContext<CitizensLoaders>): Promise<SignInIdentity | null> {
    requireRole(ctx.actor, ['SERVICE'], 'identify citizens');
    const digits = cpr.replace(/[\s-]/g, '');
    if (!/^\d{10}$/.test(digits)) return null;
    const citizen = await ctx.dataSource.getRepository(Citizen).findOneBy({ cprIndex: cprIndexOf(digits) });
    // On the citizen's access log: the SERVICE actor (the gateway) found them by CPR number at sign-in; the number
    // is stored encrypted, as for any CPR search. A number that finds nobody names no citizen, so nothing is logged.
    if (citizen) ctx.access.recordSearch(citizen.id, digits, { purpose: 'SIGN_IN', kind: 'sign-in identity' });
    return citizen && { id: citizen.id, name: `${citizen.firstName} ${citizen.lastName}`, role: null, team: null };
  }
}
