import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { badUserInput, changeTransaction, conflict, notFound, RequestContext } from '@jobcenter/kit';
import { requireSelfOrCaseStaff } from '@jobcenter/kit/access';
import { todayInCopenhagen } from '@jobcenter/kit/calendar';
import { isUuid } from '@jobcenter/kit/ids';
import { boundedDate, requiredText } from '@jobcenter/kit/input';
import { mayReadCitizenPlacements } from '../access';
import { Company } from '../company/company.entity';
import { Provider } from '../provider/provider.entity';
import { PlacementCitizen } from '../federation/placement-citizen';
import { PlacementsLoaders } from '../loaders';
import { Consent } from './consent.entity';
import { ConsentInput } from './consent.inputs';
import { checkConsentInput, inForce } from './consent.rules';

type Context = RequestContext<PlacementsLoaders>;

/** What the access log calls a look-up or change of consents. */
export const CONSENT_KIND = 'consents (samtykker)';

/**
 * Recording and withdrawing consents. The citizen records and withdraws their own; case staff
 * do so for the citizens in their caseload (on the citizen's behalf, with their agreement).
 * Each change is one transaction with its access-log entry.
 */
@Resolver(() => Consent)
export class ConsentResolver {
  @Mutation(() => Consent, {
    description:
      "Records a citizen's consent (samtykke) to share information with a party, for a purpose, from a day (default today) to a day (or until withdrawn). By the citizen, or by case staff in their caseload with the citizen's agreement. `to` before `from` is BAD_USER_INPUT at `to`.",
  })
  async recordConsent(
    @Arg('citizenId', () => ID) citizenId: string,
    @Arg('input') input: ConsentInput,
    @Ctx() ctx: Context,
  ): Promise<Consent> {
    requireSelfOrCaseStaff(ctx.actor, citizenId, 'record consents');
    const party = requiredText(input.party, 'party', 200);
    const purpose = requiredText(input.purpose, 'purpose', 2000);
    const from = boundedDate(input.from ?? todayInCopenhagen(), 'from', 'plan');
    const to = input.to ? boundedDate(input.to, 'to', 'plan') : null;
    const checked = checkConsentInput({ ...input, from, to });
    if (!checked.ok) throw badUserInput(checked.message, checked.field);
    if (
      input.providerId &&
      !(isUuid(input.providerId) && (await ctx.dataSource.getRepository(Provider).existsBy({ id: input.providerId })))
    ) {
      throw badUserInput(`providerId: there is no provider with id ${input.providerId}. Check the id; nothing was saved.`, 'providerId');
    }
    if (input.companyId && !(isUuid(input.companyId) && (await ctx.loaders.companyById.load(input.companyId)))) {
      throw badUserInput(`companyId: there is no company with id ${input.companyId}. Check the id; nothing was saved.`, 'companyId');
    }
    await ctx.access.assert(citizenId);
    ctx.access.recordChange(citizenId, CONSENT_KIND);
    return changeTransaction(ctx, (tx) =>
      tx.getRepository(Consent).save(
        tx.getRepository(Consent).create({
          citizenId,
          party,
          partyKind: checked.partyKind,
          companyId: input.companyId ?? null,
          providerId: input.providerId ?? null,
          purpose,
          from,
          to,
          withdrawnAt: null,
          withdrawnBy: null,
          recordedBy: ctx.actor.id,
          recordedByRole: ctx.actor.role,
        }),
      ),
    );
  }

  @Mutation(() => Consent, {
    description:
      'Withdraws a consent (tilbagekalder samtykke), at once: it is no longer in force from this moment, and nothing more is shared under it. By the citizen, or by case staff on their behalf. CONFLICT when it is withdrawn already.',
  })
  async withdrawConsent(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Consent> {
    const found = isUuid(id) ? await ctx.loaders.consentById.load(id) : null;
    // Another citizen's consent is answered as unknown (and the try is logged as refused).
    if (!found || (ctx.actor.role === 'CITIZEN' && ctx.actor.id !== found.citizenId)) {
      if (found) ctx.access.refuse(found.citizenId);
      throw notFound('Consent', id);
    }
    requireSelfOrCaseStaff(ctx.actor, found.citizenId, 'withdraw consents');
    await ctx.access.assert(found.citizenId, () => notFound('Consent', id));
    ctx.access.recordChange(found.citizenId, CONSENT_KIND);
    return changeTransaction(ctx, async (tx) => {
      const repo = tx.getRepository(Consent);
      // The row lock makes a sharing that is checking this consent finish first (consent.guard.ts).
      const consent = await repo.createQueryBuilder('c').setLock('pessimistic_write').where('c.id = :id', { id }).getOneOrFail();
      if (consent.withdrawnAt) {
        throw conflict(`This consent was withdrawn already (${consent.withdrawnAt.toISOString()}).`);
      }
      await tx.query(`UPDATE consent SET withdrawn_at = now(), withdrawn_by = $2 WHERE id = $1`, [id, ctx.actor.id]);
      return repo.findOneByOrFail({ id });
    });
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether it applies now: begun, not past its last day, not withdrawn. Withdrawal ends it at once.',
  })
  inForce(@Root() consent: Consent): boolean {
    return inForce(consent, todayInCopenhagen());
  }

  @FieldResolver(() => Company, { nullable: true, description: 'The company it is given to (EMPLOYER), if any.' })
  company(@Root() consent: Consent, @Ctx() ctx: Context): Promise<Company | null> | null {
    return consent.companyId ? ctx.loaders.companyById.load(consent.companyId) : null;
  }

  @FieldResolver(() => Provider, { nullable: true, description: 'The provider it is given to (PROVIDER or ASSOCIATION), if any.' })
  provider(@Root() consent: Consent, @Ctx() ctx: Context): Promise<Provider | null> | null {
    return consent.providerId ? ctx.dataSource.getRepository(Provider).findOneBy({ id: consent.providerId }) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the citizen recorded it themselves (else a staff member on their behalf).' })
  recordedByCitizen(@Root() consent: Consent): boolean {
    return consent.recordedByRole === 'CITIZEN';
  }
}

/** Citizen.consents: the citizen sees their own; case staff those in their caseload. */
@Resolver(() => PlacementCitizen)
export class CitizenConsentsResolver {
  @FieldResolver(() => [Consent], {
    description: "The citizen's consents (samtykker), newest first, withdrawn and expired ones included (see `inForce`).",
  })
  async consents(@Root() citizen: PlacementCitizen, @Ctx() ctx: Context): Promise<Consent[]> {
    if (!(await mayReadCitizenPlacements(ctx, citizen.id))) return [];
    return ctx.loaders.consentsByCitizen.load(citizen.id);
  }
}
