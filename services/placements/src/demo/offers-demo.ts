import { EntityManager } from 'typeorm';
import { AnyNewEvent } from '@jobcenter/kit';
import { addDays, lastDayOfMonths, lastDayOfWeeks } from '@jobcenter/kit/calendar';
import { demoCitizens, demoStaff } from '@jobcenter/demo-cast';
import { OfferKind } from '../provider/offer-kind';
import { Provider } from '../provider/provider.entity';
import { Referral } from '../referral/referral.entity';
import { ReferralResult, ReferralStatus } from '../referral/referral.enums';
import { referralHistory } from '../referral/referral.events';

/**
 * The offers of the seed stories (002): Svend's treatment at the alcohol centre and a course
 * towards landscape gardening, Per's three-month stay at a folk high school for weight loss
 * before the workshop job he has been promised, Ulla's mentor. Besides them the register holds
 * the kinds of provider the other seeds name: a volunteer centre (001, network work with
 * associations and volunteers) and a family-support provider (004). CVR numbers are made up but
 * pass the modulus-11 check; the public alcohol centre has none.
 */
export const demoProviders = {
  alkoholcenter: {
    id: '3d5f7a9b-1c2e-4f60-8a1b-000000000001',
    name: 'Alkoholbehandlingen Faaborg-Midtfyn',
    kinds: [OfferKind.TREATMENT],
    cvr: null,
    civilSociety: false,
    contact: 'Visitation, tlf. 72 53 00 00',
  },
  amu: {
    id: '3d5f7a9b-1c2e-4f60-8a1b-000000000002',
    name: 'AMU Fyn, Grønne områder',
    kinds: [OfferKind.UPSKILLING, OfferKind.EDUCATION],
    cvr: '31225418',
    civilSociety: false,
    contact: 'Kursusadministrationen, kurser@amufyn.example.dk',
  },
  mentor: {
    id: '3d5f7a9b-1c2e-4f60-8a1b-000000000003',
    name: 'Mentorhuset Fyn',
    kinds: [OfferKind.MENTOR, OfferKind.GUIDANCE],
    cvr: '38451200',
    civilSociety: false,
    contact: 'Susanne Mentor, tlf. 62 62 11 22',
  },
  frivillig: {
    id: '3d5f7a9b-1c2e-4f60-8a1b-000000000004',
    name: 'Frivilligcenter Midtfyn',
    kinds: [OfferKind.CIVIL_SOCIETY],
    cvr: '40119809',
    civilSociety: true,
    contact: 'Frivilligkoordinator, tlf. 62 61 33 44',
  },
  familie: {
    id: '3d5f7a9b-1c2e-4f60-8a1b-000000000005',
    name: 'Familiehuset Ryslinge',
    kinds: [OfferKind.FAMILY_SUPPORT],
    cvr: '25880706',
    civilSociety: false,
    contact: 'Familiekonsulenterne, tlf. 62 67 55 66',
  },
  hojskole: {
    id: '3d5f7a9b-1c2e-4f60-8a1b-000000000006',
    name: 'Vestjyllands Sundhedshøjskole',
    kinds: [OfferKind.HEALTH, OfferKind.UPSKILLING],
    cvr: '36970502',
    civilSociety: false,
    contact: 'Optagelse, tlf. 97 00 12 34',
  },
};

type DemoReferral = Omit<Referral, 'createdAt' | 'updatedAt' | 'providerRow'>;

function referrals(today: string): DemoReferral[] {
  const d = (days: number) => addDays(today, days);
  const base = { milestoneId: null, outcome: null, result: null, endedOn: null, purpose: null };
  const treatmentStart = d(-330);
  const courseStart = d(-10);
  const perStart = d(-50);
  const ullaStart = d(-35);
  return [
    {
      ...base,
      id: '4e6a8c0d-2f3b-4a5c-9d7e-000000000001',
      citizenId: demoCitizens.svend.id,
      providerId: demoProviders.alkoholcenter.id,
      kind: OfferKind.TREATMENT,
      purpose: 'Intensivt behandlingsforløb med ugentlige samtaler; målet er at blive tørlagt.',
      startDate: treatmentStart,
      endDate: d(-155),
      agreementStart: treatmentStart,
      status: ReferralStatus.COMPLETED,
      outcome: 'Færdigbehandlet og tørlagt; går nu selv til AA-møder i Ringe.',
      result: ReferralResult.COMPLETED_AS_PLANNED,
      endedOn: d(-155),
      createdBy: demoStaff.inger.id,
    },
    {
      ...base,
      id: '4e6a8c0d-2f3b-4a5c-9d7e-000000000002',
      citizenId: demoCitizens.svend.id,
      providerId: demoProviders.amu.id,
      kind: OfferKind.UPSKILLING,
      purpose: 'AMU-kursus i anlæg af belægninger sideløbende med løntilskuddet; første skridt mod anlægsgartneruddannelsen.',
      startDate: courseStart,
      endDate: lastDayOfWeeks(courseStart, 3),
      agreementStart: courseStart,
      status: ReferralStatus.ACTIVE,
      createdBy: demoStaff.jens.id,
    },
    {
      ...base,
      id: '4e6a8c0d-2f3b-4a5c-9d7e-000000000003',
      citizenId: demoCitizens.per.id,
      providerId: demoProviders.hojskole.id,
      kind: OfferKind.UPSKILLING,
      purpose:
        'Tre måneders højskoleophold for svært overvægtige, som Per selv har fundet: vægttab, motion og værkstedsfag, så han kan holde til fuld tid på værkstedet.',
      startDate: perStart,
      endDate: lastDayOfMonths(perStart, 3),
      agreementStart: perStart,
      status: ReferralStatus.ACTIVE,
      createdBy: demoStaff.inger.id,
    },
    {
      ...base,
      id: '4e6a8c0d-2f3b-4a5c-9d7e-000000000004',
      citizenId: demoCitizens.ulla.id,
      providerId: demoProviders.mentor.id,
      kind: OfferKind.MENTOR,
      purpose: 'Mentor der følger Ulla de første måneder i forrevalideringsprojektet hos kunstneren og hjælper med angsten for nye steder.',
      startDate: ullaStart,
      endDate: lastDayOfMonths(ullaStart, 6),
      agreementStart: ullaStart,
      status: ReferralStatus.ACTIVE,
      createdBy: demoStaff.mette.id,
    },
  ];
}

/** Inserts the demo providers and referrals in the seed's transaction; returns their events. */
export async function seedOffersDemo(tx: EntityManager, today: string): Promise<AnyNewEvent[]> {
  const providers = Object.values(demoProviders);
  await tx.getRepository(Provider).insert(providers);
  const civil = new Map(providers.map((p) => [p.id, p.civilSociety]));
  const rows = referrals(today);
  await tx.getRepository(Referral).insert(rows);
  return rows.flatMap((r) => referralHistory(r, civil.get(r.providerId) ?? false));
}
