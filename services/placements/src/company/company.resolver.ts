import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badUserInput, changeTransaction, conflict, isUniqueViolation, RequestContext } from '@jobcenter/kit';
import { requireCaseStaff, requireStaff } from '@jobcenter/kit/access';
import { readablePlacements } from '../access';
import { PlacementsLoaders } from '../loaders';
import { Placement } from '../placement/placement.entity';
import { PlacementStatus } from '../placement/placement.enums';
import { Company } from './company.entity';
import { RegisterCompanyInput } from './company.inputs';
import { cvrFromInput } from './cvr.rules';

type Context = RequestContext<PlacementsLoaders>;

const trimmedOrNull = (value?: string | null) => (value?.trim() ? value.trim() : null);

@Resolver(() => Company)
export class CompanyResolver {
  @Query(() => Company, { nullable: true, description: 'One company by id; null if there is none (staff).' })
  company(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Company | null> {
    requireStaff(ctx.actor, 'look companies up');
    return ctx.loaders.companyById.load(id);
  }

  @Query(() => Company, { nullable: true, description: 'One company by CVR number; null if it is not registered (staff).' })
  companyByCvr(@Arg('cvr') cvr: string, @Ctx() ctx: Context): Promise<Company | null> {
    requireStaff(ctx.actor, 'look companies up');
    return ctx.dataSource.getRepository(Company).findOneBy({ cvr: cvrFromInput(cvr) });
  }

  @Mutation(() => Company, { description: 'Registers a company. A CVR number already registered is a CONFLICT.' })
  async registerCompany(@Arg('input') input: RegisterCompanyInput, @Ctx() ctx: Context): Promise<Company> {
    requireCaseStaff(ctx.actor, 'register companies');
    const cvr = cvrFromInput(input.cvr);
    const name = input.name.trim();
    if (!name) throw badUserInput('name: must not be empty', 'name');
    const company = ctx.dataSource.getRepository(Company).create({
      cvr,
      name,
      industry: trimmedOrNull(input.industry),
      size: input.size ?? null,
      partnership: input.partnership ?? false,
      contacts: (input.contacts ?? []).map((c) => ({ name: c.name.trim(), phone: trimmedOrNull(c.phone), email: trimmedOrNull(c.email) })),
    });
    try {
      return await changeTransaction(ctx, (tx) => tx.getRepository(Company).save(company));
    } catch (error) {
      if (isUniqueViolation(error, 'uq_company_cvr')) {
        throw conflict(`A company with CVR number ${cvr} is already registered; look it up with companyByCvr instead.`);
      }
      throw error;
    }
  }

  @FieldResolver(() => [Placement], { description: 'Placements at this company, newest start first (case staff).' })
  async placements(
    @Root() company: Company,
    @Ctx() ctx: Context,
    @Arg('status', () => PlacementStatus, { nullable: true }) status?: PlacementStatus | null,
  ): Promise<Placement[]> {
    requireCaseStaff(ctx.actor, "read a company's placements");
    // Only the placements of citizens the asker may read (their caseload, their team's).
    const all = await readablePlacements(ctx, await ctx.loaders.placementsByCompany.load(company.id));
    return status ? all.filter((p) => p.status === status) : all;
  }
}
