import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { badUserInput, changeTransaction, conflict, RequestContext } from '@jobcenter/kit';
import { requireCaseStaff } from '@jobcenter/kit/access';
import { optionalText } from '@jobcenter/kit/input';
import { Company } from '../company/company.entity';
import { PlacementStaffMember } from '../federation/placement-staff-member';
import { PlacementFollowUp } from '../follow-up/follow-up.entity';
import { PlacementsLoaders } from '../loaders';
import { Placement } from '../placement/placement.entity';
import { existing } from '../placement/placement.resolver';
import { Consent } from './consent.entity';
import { DisclosureKind } from './consent.enums';
import { consentInForce } from './consent.guard';
import { Disclosure } from './disclosure.entity';

type Context = RequestContext<PlacementsLoaders>;

/**
 * Sharing a placement's follow-up notes with the employer (videregivelse til arbejdsgiver): only
 * under a consent in force for that company, and every sharing is kept as a disclosure row with
 * the consent it relied on.
 */
@Resolver(() => Disclosure)
export class DisclosureResolver {
  @Mutation(() => Disclosure, {
    description:
      "Shares the placement's follow-up notes (opfølgningsnotater) with its company, and records it: what, to which company and contact, when, by whom, under which consent. Needs the citizen's consent in force for that company (an EMPLOYER consent naming it): CONFLICT otherwise, e.g. right after the citizen withdrew it.",
  })
  async shareFollowUpNotes(
    @Arg('placementId', () => ID) placementId: string,
    @Ctx() ctx: Context,
    @Arg('contact', () => String, {
      nullable: true,
      description: "The company's contact person it goes to (one of the company's contacts); the first contact when left out.",
    })
    contact?: string | null,
  ): Promise<Disclosure> {
    requireCaseStaff(ctx.actor, 'share follow-up notes');
    const placement = await existing(ctx, placementId);
    const company = (await ctx.loaders.companyById.load(placement.companyId))!;
    const named = optionalText(contact, 'contact', 200);
    if (named && !company.contacts.some((c) => c.name === named)) {
      throw badUserInput(`contact: ${company.name} has no contact person called "${named}".`, 'contact');
    }
    ctx.access.recordChange(placement.citizenId, 'placement follow-up notes shared with the employer');
    return changeTransaction(ctx, async (tx) => {
      const consent = await consentInForce(tx, placement.citizenId, { kind: 'EMPLOYER', companyId: company.id }, 'share follow-up notes');
      const notes = await tx.getRepository(PlacementFollowUp).find({ where: { placementId }, order: { date: 'ASC', createdAt: 'ASC' } });
      if (notes.length === 0) throw conflict('The placement has no follow-up notes to share yet.');
      return tx.getRepository(Disclosure).save(
        tx.getRepository(Disclosure).create({
          citizenId: placement.citizenId,
          consentId: consent.id,
          what: DisclosureKind.FOLLOW_UP_NOTES,
          placementId,
          referralId: null,
          companyId: company.id,
          providerId: null,
          contact: named ?? company.contacts[0]?.name ?? null,
          followUpIds: notes.map((n) => n.id),
          disclosedBy: ctx.actor.id,
        }),
      );
    });
  }

  @FieldResolver(() => Consent, { description: 'The consent it was shared under.' })
  async consent(@Root() disclosure: Disclosure, @Ctx() ctx: Context): Promise<Consent> {
    return (await ctx.loaders.consentById.load(disclosure.consentId))!;
  }

  @FieldResolver(() => Company, { nullable: true, description: 'The company it was shared with, for FOLLOW_UP_NOTES.' })
  company(@Root() disclosure: Disclosure, @Ctx() ctx: Context): Promise<Company | null> | null {
    return disclosure.companyId ? ctx.loaders.companyById.load(disclosure.companyId) : null;
  }

  @FieldResolver(() => PlacementStaffMember, { description: 'Who shared it.' })
  sharedBy(@Root() disclosure: Disclosure): PlacementStaffMember {
    return { id: disclosure.disclosedBy };
  }

  @FieldResolver(() => [PlacementFollowUp], { description: 'The follow-up notes that were shared, as they are now (oldest first).' })
  async followUps(@Root() disclosure: Disclosure, @Ctx() ctx: Context): Promise<PlacementFollowUp[]> {
    if (!disclosure.placementId) return [];
    const ids = new Set(disclosure.followUpIds);
    return (await ctx.loaders.followUpsByPlacement.load(disclosure.placementId)).filter((f) => ids.has(f.id));
  }
}

/** Placement.disclosures: what of the placement was shared, and under which consent. */
@Resolver(() => Placement)
export class PlacementDisclosuresResolver {
  @FieldResolver(() => [Disclosure], { description: 'What of this placement was shared with the employer (videregivelser), newest first.' })
  disclosures(@Root() placement: Placement, @Ctx() ctx: Context): Promise<Disclosure[]> {
    return ctx.loaders.disclosuresByPlacement.load(placement.id);
  }
}
