import { randomUUID } from 'node:crypto';
import { citizensSubgraph } from '@jobcenter/citizens';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { Actor, addDays, todayInCopenhagen } from '@jobcenter/kit';
import { errorCode } from '@jobcenter/kit/testing';
import { placementsSubgraph } from '@jobcenter/placements';
import { analyst, assignStaff, citizenActor, nextCpr, nextCvr, ok, staffActor, teamLead, TEAM } from '@jobcenter/placements/test/builders';

/**
 * Consent (samtykke) through the gateway: recorded by the citizen or by case staff, listed on
 * the citizen, withdrawn at once; sharing a placement's follow-up notes with the employer needs
 * an EMPLOYER consent in force for that company and leaves a disclosure row naming it.
 */
let federation: TestFederation;
let jens: Actor;
let inger: Actor;
const today = todayInCopenhagen();

beforeAll(async () => {
  federation = await startTestFederation([citizensSubgraph, placementsSubgraph]);
  const staff = async (name: string, role: string) =>
    staffActor(
      ok(
        await federation.as(teamLead, `mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { id name role team } }`, {
          i: { name, role, email: `${randomUUID()}@ryslinge.dk`, team: TEAM },
        }),
      ).createStaffMember,
    );
  jens = await staff('Jens Kjær', 'JOB_CONSULTANT');
  inger = await staff('Inger Holm', 'CASEWORKER');
}, 60_000);
afterAll(() => federation?.stop());

async function citizen(firstName = 'Per') {
  const c = ok(
    await federation.as(inger, `mutation($i: RegisterCitizenInput!) { registerCitizen(input: $i) { id } }`, {
      i: { cpr: nextCpr(), firstName, lastName: 'Jensen', targetGroup: 'ACTIVITY_READY' },
    }),
  ).registerCitizen;
  await assignStaff({ as: federation.as }, c.id, [inger, jens], addDays(today, -100));
  return c.id as string;
}

async function company(name = 'Ryslinge Auto- og Cykelværksted') {
  return ok(
    await federation.as(jens, `mutation($i: RegisterCompanyInput!) { registerCompany(input: $i) { id } }`, {
      i: { cvr: nextCvr(), name, contacts: [{ name: 'Værkfører Bo Hansen' }, { name: 'Lise Holm' }] },
    }),
  ).registerCompany.id as string;
}

/** An active internship with one follow-up note: what an employer would be told about. */
async function activePlacement(citizenId: string, companyId: string) {
  const id = ok(
    await federation.as(jens, `mutation($i: ProposePlacementInput!) { proposePlacement(input: $i) { id } }`, {
      i: { citizenId, companyId, kind: 'INTERNSHIP', startDate: addDays(today, -20), endDate: addDays(today, 40) },
    }),
  ).proposePlacement.id as string;
  ok(await federation.as(jens, `mutation($id: ID!) { agreePlacement(id: $id) { id } }`, { id }));
  ok(
    await federation.as(
      jens,
      `mutation($id: ID!) { startPlacement(id: $id, startWithoutKickoffReason: "Opstart holdt før testen") { id } }`,
      {
        id,
      },
    ),
  );
  ok(
    await federation.as(jens, `mutation($id: ID!, $i: FollowUpInput!) { recordPlacementFollowUp(id: $id, input: $i) { id } }`, {
      id,
      i: { date: addDays(today, -6), note: 'Per er glad for opgaverne; mødetider overholdt.' },
    }),
  );
  return id;
}

const CONSENT = 'id party partyKind purpose from to withdrawnAt inForce recordedByCitizen company { id }';
const record = (by: Actor, citizenId: string, input: Record<string, unknown>) =>
  federation.as(by, `mutation($c: ID!, $i: ConsentInput!) { recordConsent(citizenId: $c, input: $i) { ${CONSENT} } }`, {
    c: citizenId,
    i: input,
  });
const withdraw = (by: Actor, id: string) => federation.as(by, `mutation($id: ID!) { withdrawConsent(id: $id) { ${CONSENT} } }`, { id });
const share = (placementId: string, contact?: string) =>
  federation.as(
    jens,
    `mutation($p: ID!, $c: String) { shareFollowUpNotes(placementId: $p, contact: $c) {
      id what contact followUpCount disclosedAt consent { id } company { name } sharedBy { name } followUps { note } } }`,
    { p: placementId, c: contact ?? null },
  );

describe('recording consents', () => {
  it('records an EMPLOYER consent for a company on the citizen, in force from today', async () => {
    const per = await citizen();
    const workshop = await company();
    const consent = ok(
      await record(inger, per, { party: 'Værkstedet, værkfører Bo Hansen', purpose: 'Opfølgning på praktikken', companyId: workshop }),
    ).recordConsent;
    expect(consent).toMatchObject({
      partyKind: 'EMPLOYER',
      from: today,
      to: null,
      withdrawnAt: null,
      inForce: true,
      recordedByCitizen: false,
      company: { id: workshop },
    });
    const listed = ok(await federation.as(inger, `query($id: ID!) { citizen(id: $id) { consents { id inForce } } }`, { id: per }));
    expect(listed.citizen.consents).toEqual([{ id: consent.id, inForce: true }]);
  });

  it('refuses dates in reverse order at `to`, an unknown company at `companyId`, and a company on a non-employer consent', async () => {
    const per = await citizen();
    const reversed = await record(inger, per, { party: 'Egen læge', purpose: 'Helbredsoplysninger', from: today, to: addDays(today, -1) });
    expect(errorCode(reversed)).toBe('BAD_USER_INPUT');
    expect(reversed.errors![0].extensions?.field).toBe('to');
    const unknown = await record(inger, per, { party: 'X', purpose: 'Y', companyId: randomUUID() });
    expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors![0].extensions?.field).toBe('companyId');
    const doctor = await record(inger, per, {
      party: 'Egen læge',
      purpose: 'Y',
      partyKind: 'DOCTOR',
      companyId: await company('Lægehuset'),
    });
    expect(doctor.errors![0].extensions?.field).toBe('companyId');
  });

  it('lets the citizen record their own, but not another citizen, and no analyst', async () => {
    const per = await citizen();
    const own = ok(await record(citizenActor(per, 'Per'), per, { party: 'Min mor', purpose: 'Må kende min plan', partyKind: 'RELATIVE' }));
    expect(own.recordConsent).toMatchObject({ partyKind: 'RELATIVE', recordedByCitizen: true, inForce: true });
    const bent = await citizen('Bent');
    expect(errorCode(await record(citizenActor(per, 'Per'), bent, { party: 'Min mor', purpose: 'x' }))).toBe('FORBIDDEN');
    expect(errorCode(await record(analyst, per, { party: 'x', purpose: 'y' }))).toBe('FORBIDDEN');
  });

  it('shows a consent that has not begun or has ended as not in force', async () => {
    const per = await citizen();
    const later = ok(await record(inger, per, { party: 'A', purpose: 'B', from: addDays(today, 3) })).recordConsent;
    const ended = ok(
      await record(inger, per, { party: 'A', purpose: 'B', from: addDays(today, -30), to: addDays(today, -1) }),
    ).recordConsent;
    expect([later.inForce, ended.inForce]).toEqual([false, false]);
  });
});

describe("sharing a placement's follow-up notes with the employer", () => {
  it('is refused without consent, allowed with one (recorded as a disclosure), and refused again right after the citizen withdraws it', async () => {
    const per = await citizen();
    const workshop = await company();
    const placement = await activePlacement(per, workshop);

    const without = await share(placement);
    expect(errorCode(without)).toBe('CONFLICT');
    expect(without.errors![0].message).toMatch(/no consent in force to share follow-up notes with the company/);

    // A consent for another company does not count.
    ok(await record(inger, per, { party: 'Faber A/S', purpose: 'Opfølgning', companyId: await company('Faber A/S') }));
    expect(errorCode(await share(placement))).toBe('CONFLICT');

    const consent = ok(
      await record(inger, per, { party: 'Værkstedet', purpose: 'Opfølgning på praktikken', companyId: workshop }),
    ).recordConsent;
    const shared = ok(await share(placement, 'Lise Holm')).shareFollowUpNotes;
    expect(shared).toMatchObject({
      what: 'FOLLOW_UP_NOTES',
      contact: 'Lise Holm',
      followUpCount: 1,
      consent: { id: consent.id },
      company: { name: 'Ryslinge Auto- og Cykelværksted' },
      sharedBy: { name: 'Jens Kjær' },
      followUps: [{ note: 'Per er glad for opgaverne; mødetider overholdt.' }],
    });
    const listed = ok(
      await federation.as(inger, `query($id: ID!) { placement(id: $id) { disclosures { id consent { id } contact } } }`, { id: placement }),
    );
    expect(listed.placement.disclosures).toEqual([{ id: shared.id, consent: { id: consent.id }, contact: 'Lise Holm' }]);

    const withdrawn = ok(await withdraw(citizenActor(per, 'Per'), consent.id)).withdrawConsent;
    expect(withdrawn.inForce).toBe(false);
    expect(Date.parse(withdrawn.withdrawnAt)).toBeLessThanOrEqual(Date.now() + 1000);
    const after = await share(placement);
    expect(errorCode(after)).toBe('CONFLICT');

    const rows: { n: number }[] = await federation.subgraphs.placements.dataSource.query(
      `SELECT COUNT(*)::int AS n FROM consent_disclosure WHERE placement_id = $1`,
      [placement],
    );
    expect(rows[0].n).toBe(1);
  });

  it('refuses an unknown contact person at `contact`', async () => {
    const per = await citizen();
    const workshop = await company();
    const placement = await activePlacement(per, workshop);
    ok(await record(inger, per, { party: 'Værkstedet', purpose: 'Opfølgning', companyId: workshop }));
    const res = await share(placement, 'Ukendt Person');
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions?.field).toBe('contact');
  });

  it('never lets a sharing and a withdrawal at the same moment both pass as if the consent were in force', async () => {
    const per = await citizen();
    const workshop = await company();
    const placement = await activePlacement(per, workshop);
    const consent = ok(await record(inger, per, { party: 'Værkstedet', purpose: 'Opfølgning', companyId: workshop })).recordConsent;
    const [shared, withdrawn] = await Promise.all([share(placement), withdraw(inger, consent.id)]);
    ok(withdrawn);
    if (!shared.errors) {
      // The sharing committed first: its disclosure is older than the withdrawal.
      const [row]: { disclosed_at: Date; withdrawn_at: Date }[] = await federation.subgraphs.placements.dataSource.query(
        `SELECT d.disclosed_at, c.withdrawn_at FROM consent_disclosure d JOIN consent c ON c.id = d.consent_id WHERE d.id = $1`,
        [shared.data!.shareFollowUpNotes.id],
      );
      expect(row.disclosed_at.getTime()).toBeLessThanOrEqual(row.withdrawn_at.getTime());
    } else {
      expect(errorCode(shared)).toBe('CONFLICT');
    }
    expect(errorCode(await share(placement))).toBe('CONFLICT');
  });
});

describe('withdrawing', () => {
  it('is a CONFLICT twice, and answers another citizen as if the consent did not exist', async () => {
    const per = await citizen();
    const consent = ok(
      await record(citizenActor(per, 'Per'), per, { party: 'Min søster', purpose: 'Må ringe til jobcentret' }),
    ).recordConsent;
    const bent = await citizen('Bent');
    expect(errorCode(await withdraw(citizenActor(bent, 'Bent'), consent.id))).toBe('NOT_FOUND');
    ok(await withdraw(inger, consent.id));
    expect(errorCode(await withdraw(citizenActor(per, 'Per'), consent.id))).toBe('CONFLICT');
  });

  it('writes every change of a consent on the access log', async () => {
    const per = await citizen();
    const consent = ok(await record(inger, per, { party: 'Egen læge', purpose: 'Helbred', partyKind: 'DOCTOR' })).recordConsent;
    ok(await withdraw(citizenActor(per, 'Per'), consent.id));
    const entries: { actor_id: string; operation: string; kind: string }[] = await federation.subgraphs.placements.dataSource.query(
      `SELECT actor_id, operation, kind FROM kit_access_log WHERE citizen_id = $1 AND operation = 'CHANGE' ORDER BY seq`,
      [per],
    );
    expect(entries.map((e) => e.actor_id)).toEqual(expect.arrayContaining([inger.id, per]));
    expect(entries.every((e) => /consent/i.test(e.kind))).toBe(true);
  });
});

describe('a referral to a civil-society provider', () => {
  it('becomes ACTIVE only under a consent in force for that provider, and the sharing is recorded', async () => {
    const per = await citizen();
    const provider = ok(
      await federation.as(jens, `mutation($i: RegisterProviderInput!) { registerProvider(input: $i) { id } }`, {
        i: { name: `Frivilligcenter ${randomUUID().slice(0, 8)}`, kinds: ['CIVIL_SOCIETY'], civilSociety: true, contact: 'Koordinatoren' },
      }),
    ).registerProvider.id as string;
    const referral = ok(
      await federation.as(inger, `mutation($i: ReferralInput!) { referCitizen(input: $i) { id status } }`, {
        i: { citizenId: per, providerId: provider, kind: 'CIVIL_SOCIETY', startDate: today, endDate: addDays(today, 60) },
      }),
    ).referCitizen.id as string;
    const activate = () =>
      federation.as(inger, `mutation($id: ID!) { setReferralStatus(id: $id, status: ACTIVE) { id status } }`, { id: referral });

    const without = await activate();
    expect(errorCode(without)).toBe('CONFLICT');
    expect(without.errors![0].message).toMatch(/no consent in force to share the referral with the provider/);

    const consent = ok(
      await record(inger, per, { party: 'Frivilligcentret', purpose: 'Netværksgruppe', partyKind: 'ASSOCIATION', providerId: provider }),
    ).recordConsent;
    expect(ok(await activate()).setReferralStatus.status).toBe('ACTIVE');
    const rows: { what: string; consent_id: string; provider_id: string }[] = await federation.subgraphs.placements.dataSource.query(
      `SELECT what, consent_id, provider_id FROM consent_disclosure WHERE referral_id = $1`,
      [referral],
    );
    expect(rows).toEqual([{ what: 'REFERRAL', consent_id: consent.id, provider_id: provider }]);
  });

  it('refuses a consent naming a provider that does not exist, at providerId', async () => {
    const per = await citizen();
    const res = await record(inger, per, { party: 'X', purpose: 'Y', partyKind: 'ASSOCIATION', providerId: randomUUID() });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions?.field).toBe('providerId');
  });
});
