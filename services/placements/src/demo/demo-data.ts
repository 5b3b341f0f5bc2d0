import { AnyNewEvent, recordEvents } from '@jobcenter/kit';
import { placementHistory } from '../events';
import { DataSource } from 'typeorm';
import { demoCitizens, demoPlacements, demoStaff } from '@jobcenter/demo-cast';
import { Company } from '../company/company.entity';
import { CompanySize } from '../company/company.enums';
import { PlacementFollowUp } from '../follow-up/follow-up.entity';
import { Placement } from '../placement/placement.entity';
import { PlacementKind, PlacementOutcome, PlacementPurpose, PlacementStatus } from '../placement/placement.enums';
import { TargetGroup } from '../target-group/target-group';
import { Consent } from '../consent/consent.entity';
import { ConsentPartyKind, DisclosureKind } from '../consent/consent.enums';
import { Disclosure } from '../consent/disclosure.entity';
import { seedOffersDemo } from './offers-demo';
import { lastDayOfMonths, lastDayOfWeeks, addDays, todayInCopenhagen } from '@jobcenter/kit/calendar';

/**
 * The seed stories' placements, dated relative to today. The companies are the local places the
 * stories name (the inn in Kværndrup, a gardener in Ringe, a flower shop and Faber A/S in
 * Ryslinge); their CVR numbers are made up but pass the modulus-11 check.
 */
const companies = {
  kro: {
    id: '7a1c0f3e-2b4d-4c5e-8f6a-000000000001',
    cvr: '35182101',
    name: 'Kværndrup Kro',
    industry: 'Restaurant and inn (kro)',
    size: CompanySize.SMALL,
    partnership: true,
    contacts: [{ name: 'Kirsten Kromand', phone: '+45 62 27 10 01', email: null }],
  },
  gartner: {
    id: '7a1c0f3e-2b4d-4c5e-8f6a-000000000002',
    cvr: '29143366',
    name: 'Ringe Anlægsgartner ApS',
    industry: 'Landscape gardening (anlægsgartner)',
    size: CompanySize.SMALL,
    partnership: true,
    contacts: [{ name: 'Poul Gartner', phone: '+45 62 62 20 02', email: null }],
  },
  blomster: {
    id: '7a1c0f3e-2b4d-4c5e-8f6a-000000000003',
    cvr: '33074506',
    name: 'Ryslinge Blomster',
    industry: 'Flower shop (blomsterhandel)',
    size: CompanySize.SMALL,
    partnership: false,
    contacts: [{ name: 'Hanne Blom', phone: '+45 62 67 30 03', email: null }],
  },
  faber: {
    id: '7a1c0f3e-2b4d-4c5e-8f6a-000000000004',
    cvr: '10173426',
    name: 'Faber A/S',
    industry: 'Manufacturing of blinds and curtains',
    size: CompanySize.LARGE,
    partnership: true,
    contacts: [{ name: 'HR, Faber A/S', phone: '+45 62 67 40 04', email: 'hr@faber.example.dk' }],
  },
  bageri: {
    id: '7a1c0f3e-2b4d-4c5e-8f6a-000000000005',
    cvr: '41270551',
    name: 'Ryslinge Bageri',
    industry: 'Bakery (bageri)',
    size: CompanySize.SMALL,
    partnership: false,
    contacts: [{ name: 'Birthe Bager', phone: '+45 62 67 50 05', email: null }],
  },
  vaerksted: {
    id: '7a1c0f3e-2b4d-4c5e-8f6a-000000000006',
    cvr: '38270001',
    name: 'Ryslinge Auto- og Cykelværksted',
    industry: 'Car and bicycle repair (værksted)',
    size: CompanySize.SMALL,
    partnership: true,
    contacts: [{ name: 'Værkfører Bo Hansen', phone: '+45 62 67 60 06', email: null }],
  },
};

type Story = Omit<Partial<Placement>, 'id'> & { id: string; followUps: { daysAgo: number; note: string }[] };

function stories(today: string): Story[] {
  const jens = demoStaff.jens.id;
  const d = (days: number) => addDays(today, days);
  const bentInternStart = d(-300);
  const bentSubsidyStart = d(-265);
  const svendInternStart = d(-125);
  const svendSubsidyStart = d(-30);
  const lineInternStart = d(-110);
  const perInternStart = d(28);
  return [
    {
      id: '9c2e4a6b-8d0f-4a1b-9c3d-000000000001',
      citizenId: demoCitizens.bent.id,
      companyId: companies.kro.id,
      kind: PlacementKind.INTERNSHIP,
      purpose: PlacementPurpose.CLARIFICATION,
      startDate: bentInternStart,
      endDate: lastDayOfWeeks(bentInternStart, 4),
      hoursPerWeek: 25,
      status: PlacementStatus.COMPLETED,
      jobConsultantId: jens,
      targetGroupAtStart: TargetGroup.JOB_READY,
      outcome: PlacementOutcome.OTHER_PLACEMENT,
      endedOn: lastDayOfWeeks(bentInternStart, 4),
      followUps: [
        { daysAgo: 292, note: 'Kroen er glad for Bent; ryggen holder til køkkenarbejdet, men ikke tunge løft.' },
        { daysAgo: 276, note: 'Kroen vil gerne ansætte Bent i løntilskud i 6 måneder. Møde aftalt.' },
      ],
    },
    {
      id: '9c2e4a6b-8d0f-4a1b-9c3d-000000000002',
      citizenId: demoCitizens.bent.id,
      companyId: companies.kro.id,
      kind: PlacementKind.WAGE_SUBSIDY_PRIVATE,
      purpose: PlacementPurpose.UPSKILLING,
      // The partnership model: the internship at the inn became wage subsidy there (one pathway).
      continuesPlacementId: '9c2e4a6b-8d0f-4a1b-9c3d-000000000001',
      startDate: bentSubsidyStart,
      endDate: lastDayOfMonths(bentSubsidyStart, 6),
      hoursPerWeek: 37,
      status: PlacementStatus.COMPLETED,
      jobConsultantId: jens,
      targetGroupAtStart: TargetGroup.JOB_READY,
      outcome: PlacementOutcome.ORDINARY_EMPLOYMENT,
      endedOn: lastDayOfMonths(bentSubsidyStart, 6),
      followUps: [
        { daysAgo: 230, note: 'Bent i køkken og krostue; kan hente datteren i dagpleje to dage om ugen.' },
        { daysAgo: 170, note: 'Ingen sygedage. Bent laver nu vagtplanerne.' },
        { daysAgo: 90, note: 'Kroen tilbyder fast stilling på fuld tid og ordinære vilkår efter løntilskuddet.' },
      ],
    },
    {
      id: demoPlacements.svendInternship,
      citizenId: demoCitizens.svend.id,
      companyId: companies.gartner.id,
      kind: PlacementKind.INTERNSHIP,
      purpose: PlacementPurpose.CLARIFICATION,
      startDate: svendInternStart,
      endDate: lastDayOfWeeks(svendInternStart, 13),
      hoursPerWeek: 20,
      status: PlacementStatus.COMPLETED,
      jobConsultantId: jens,
      targetGroupAtStart: TargetGroup.ACTIVITY_READY,
      outcome: PlacementOutcome.OTHER_PLACEMENT,
      endedOn: lastDayOfWeeks(svendInternStart, 13),
      followUps: [
        { daysAgo: 110, note: 'Svend møder stabilt; gartneren roser hans plantekendskab.' },
        { daysAgo: 60, note: 'Svend er fortsat tørlagt og går i AA. Gartneren overvejer løntilskud.' },
      ],
    },
    {
      id: demoPlacements.svendWageSubsidy,
      citizenId: demoCitizens.svend.id,
      companyId: companies.gartner.id,
      kind: PlacementKind.WAGE_SUBSIDY_PRIVATE,
      purpose: PlacementPurpose.UPSKILLING,
      continuesPlacementId: demoPlacements.svendInternship,
      startDate: svendSubsidyStart,
      endDate: lastDayOfMonths(svendSubsidyStart, 6),
      hoursPerWeek: 30,
      status: PlacementStatus.ACTIVE,
      jobConsultantId: jens,
      targetGroupAtStart: TargetGroup.ACTIVITY_READY,
      mentor: 'Poul Gartner',
      followUps: [{ daysAgo: 20, note: 'Løntilskud med henblik på ordinært job; næste skridt er anlægsgartneruddannelsen.' }],
    },
    {
      id: '9c2e4a6b-8d0f-4a1b-9c3d-000000000005',
      citizenId: demoCitizens.line.id,
      companyId: companies.blomster.id,
      kind: PlacementKind.INTERNSHIP,
      purpose: PlacementPurpose.CLARIFICATION,
      startDate: lineInternStart,
      endDate: lastDayOfWeeks(lineInternStart, 4),
      hoursPerWeek: 30,
      status: PlacementStatus.COMPLETED,
      jobConsultantId: jens,
      targetGroupAtStart: TargetGroup.EDUCATION_READY,
      outcome: PlacementOutcome.OTHER_PLACEMENT,
      endedOn: lastDayOfWeeks(lineInternStart, 4),
      followUps: [{ daysAgo: 95, note: 'Line trives i butikken og er moden og ansvarlig.' }],
    },
    {
      id: '9c2e4a6b-8d0f-4a1b-9c3d-000000000006',
      citizenId: demoCitizens.line.id,
      companyId: companies.faber.id,
      kind: PlacementKind.ORDINARY_JOB,
      purpose: null,
      startDate: d(-60),
      endDate: d(10),
      hoursPerWeek: 37,
      status: PlacementStatus.ACTIVE,
      jobConsultantId: jens,
      targetGroupAtStart: TargetGroup.EDUCATION_READY,
      followUps: [{ daysAgo: 5, note: 'Vikariatet hos Faber slutter snart; Line vil betale gælden og derefter søge uddannelse på SU.' }],
    },
    {
      id: '9c2e4a6b-8d0f-4a1b-9c3d-000000000007',
      citizenId: demoCitizens.ulla.id,
      companyId: companies.bageri.id,
      kind: PlacementKind.INTERNSHIP,
      purpose: PlacementPurpose.CLARIFICATION,
      startDate: d(-40),
      endDate: lastDayOfWeeks(d(-40), 8),
      hoursPerWeek: 15,
      status: PlacementStatus.CANCELLED,
      jobConsultantId: jens,
      targetGroupAtStart: TargetGroup.ACTIVITY_READY,
      endedOn: d(-40),
      cancelReason:
        'Ulla fik det for skidt den dag, hun skulle starte; aflyst i samråd. Hun tilbydes i stedet et forrevalideringsprojekt hos en kunstner.',
      followUps: [],
    },
    {
      // Per's internship at the workshop after his course (seed 002); the kick-off is booked in meetings.
      id: demoPlacements.perInternship,
      citizenId: demoCitizens.per.id,
      companyId: companies.vaerksted.id,
      kind: PlacementKind.INTERNSHIP,
      purpose: PlacementPurpose.CLARIFICATION,
      startDate: perInternStart,
      endDate: lastDayOfWeeks(perInternStart, 13),
      hoursPerWeek: 20,
      status: PlacementStatus.AGREED,
      jobConsultantId: jens,
      targetGroupAtStart: TargetGroup.ACTIVITY_READY,
      followUps: [],
    },
  ];
}

/** The seed stories' consents: what each citizen has let the jobcenter share, and with whom. */
function consents(today: string): (Omit<Partial<Consent>, 'id'> & { id: string })[] {
  const d = (days: number) => addDays(today, days);
  const base = {
    providerId: null,
    to: null,
    withdrawnAt: null,
    withdrawnBy: null,
    recordedBy: demoStaff.jens.id,
    recordedByRole: 'JOB_CONSULTANT',
  };
  return [
    {
      ...base,
      id: '5c0a1e2d-3b4c-4d5e-8f60-000000000001',
      citizenId: demoCitizens.svend.id,
      party: 'Ringe Anlægsgartner ApS, Poul Gartner',
      partyKind: ConsentPartyKind.EMPLOYER,
      companyId: companies.gartner.id,
      purpose: 'Opfølgning på praktik og løntilskud',
      from: d(-128),
    },
    {
      ...base,
      id: '5c0a1e2d-3b4c-4d5e-8f60-000000000002',
      citizenId: demoCitizens.per.id,
      party: 'Ryslinge Auto- og Cykelværksted, værkfører Bo Hansen',
      partyKind: ConsentPartyKind.EMPLOYER,
      companyId: companies.vaerksted.id,
      purpose: 'Opfølgning på praktikken på værkstedet',
      from: d(-5),
      to: d(200),
    },
    {
      ...base,
      id: '5c0a1e2d-3b4c-4d5e-8f60-000000000003',
      citizenId: demoCitizens.per.id,
      party: 'Hanne Hansen (mor)',
      partyKind: ConsentPartyKind.RELATIVE,
      companyId: null,
      purpose: 'Må deltage i netværksmøder og kende min plan',
      from: d(-90),
      recordedBy: demoCitizens.per.id,
      recordedByRole: 'CITIZEN',
    },
    {
      ...base,
      id: '5c0a1e2d-3b4c-4d5e-8f60-000000000005',
      citizenId: demoCitizens.ulla.id,
      party: 'Frivilligcenter Midtfyn',
      partyKind: ConsentPartyKind.ASSOCIATION,
      companyId: null,
      // The volunteer centre in the offers demo (civil society): a referral there needs this consent.
      providerId: '3d5f7a9b-1c2e-4f60-8a1b-000000000004',
      purpose: 'Henvisning til en frivillig netværksgruppe',
      from: d(-14),
      recordedBy: demoStaff.sofie.id,
      recordedByRole: 'RESOURCE_CONSULTANT',
    },
    {
      ...base,
      id: '5c0a1e2d-3b4c-4d5e-8f60-000000000004',
      citizenId: demoCitizens.line.id,
      party: 'Faber A/S, HR',
      partyKind: ConsentPartyKind.EMPLOYER,
      companyId: companies.faber.id,
      purpose: 'Opfølgning på vikariatet',
      from: d(-60),
      withdrawnAt: new Date(`${d(-3)}T09:00:00Z`),
      withdrawnBy: demoCitizens.line.id,
    },
  ];
}

/** Loads the demo placements when the database has none yet. Returns whether it did. */
export async function seedPlacementsDemo(dataSource: DataSource): Promise<boolean> {
  if ((await dataSource.getRepository(Placement).count()) > 0) return false;
  const today = todayInCopenhagen();
  await dataSource.transaction(async (tx) => {
    await tx.getRepository(Company).insert(Object.values(companies));
    // The seed's events, in the same transaction as its rows (docs/events.md).
    const events: AnyNewEvent[] = [];
    for (const { followUps, ...placement } of stories(today)) {
      await tx.getRepository(Placement).insert(placement);
      events.push(...placementHistory({ outcome: null, endedOn: null, ...placement } as Parameters<typeof placementHistory>[0]));
      for (const f of followUps) {
        await tx.getRepository(PlacementFollowUp).insert({
          placementId: placement.id,
          date: addDays(today, -f.daysAgo),
          note: f.note,
          authorId: demoStaff.jens.id,
        });
      }
    }
    // The offers of the same stories: providers and referrals (offers-demo.ts).
    events.push(...(await seedOffersDemo(tx, today)));
    await recordEvents(tx, events);
    await tx.getRepository(Consent).insert(consents(today));
    // Svend's follow-up notes were shared with the gardener under his consent (a disclosure row).
    const svendsNotes = await tx.getRepository(PlacementFollowUp).findBy({ placementId: demoPlacements.svendWageSubsidy });
    await tx.getRepository(Disclosure).insert({
      citizenId: demoCitizens.svend.id,
      consentId: '5c0a1e2d-3b4c-4d5e-8f60-000000000001',
      what: DisclosureKind.FOLLOW_UP_NOTES,
      placementId: demoPlacements.svendWageSubsidy,
      companyId: companies.gartner.id,
      contact: 'Poul Gartner',
      followUpIds: svendsNotes.map((n) => n.id),
      disclosedBy: demoStaff.jens.id,
    });
  });
  return true;
}
