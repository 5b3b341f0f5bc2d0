import { demoCitizens, demoStaff } from '@jobcenter/demo-cast';
import { todayInCopenhagen } from '@jobcenter/kit';
import { startTestGrants, startTestSubgraph, TestGrants, TestSubgraph } from '@jobcenter/kit/testing';
import { isValidCvr } from '../src/company/cvr.rules';
import { seedPlacementsDemo } from '../src/demo/demo-data';
import { checkReferralLength } from '../src/rules/offer-rules';
import { placementsSubgraph } from '../src/server';
import { citizenActor, ok, staffActor, TEAM } from './builders';

let subgraph: TestSubgraph;
let grants: TestGrants;
const today = todayInCopenhagen();
beforeAll(async () => {
  grants = await startTestGrants();
  subgraph = await startTestSubgraph(placementsSubgraph);
  await seedPlacementsDemo(subgraph.dataSource);
});
afterAll(async () => {
  await subgraph.stop();
  await grants.stop();
});

const REFERRALS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen {
  referrals { kind status startDate endDate maxEndDate result endedOn provider { name kinds cvr civilSociety } } } } }`;
const referralsOf = async (key: keyof typeof demoCitizens) =>
  ok(await subgraph.as(citizenActor(demoCitizens[key].id), REFERRALS, { r: [{ __typename: 'Citizen', id: demoCitizens[key].id }] }))
    ._entities[0].referrals;

describe('demo offers', () => {
  it('gives Svend his completed alcohol treatment and a course under way', async () => {
    const [course, treatment] = await referralsOf('svend');
    expect(treatment).toMatchObject({ kind: 'TREATMENT', status: 'COMPLETED', result: 'COMPLETED_AS_PLANNED' });
    expect(treatment.provider.name).toMatch(/Alkoholbehandling/);
    expect(course).toMatchObject({ kind: 'UPSKILLING', status: 'ACTIVE', provider: { name: 'AMU Fyn, Grønne områder' } });
  });

  it('gives Per his stay at the folk high school and Ulla her mentor, within the 6 months of LAB § 167', async () => {
    const [per] = await referralsOf('per');
    expect(per).toMatchObject({ kind: 'UPSKILLING', status: 'ACTIVE' });
    const [ulla] = await referralsOf('ulla');
    expect(ulla).toMatchObject({ kind: 'MENTOR', status: 'ACTIVE' });
    expect(ulla.endDate).toBe(ulla.maxEndDate);
  });

  it('registers every provider the stories need, with valid CVR numbers, the volunteer centre as civil society', async () => {
    const jens = staffActor({ ...demoStaff.jens, team: TEAM });
    const providers = ok(await subgraph.as(jens, `{ providers { name kinds cvr civilSociety } }`)).providers;
    const kinds = new Set(providers.flatMap((p: { kinds: string[] }) => p.kinds));
    for (const kind of ['TREATMENT', 'UPSKILLING', 'MENTOR', 'CIVIL_SOCIETY', 'FAMILY_SUPPORT']) expect(kinds).toContain(kind);
    for (const p of providers) if (p.cvr) expect(isValidCvr(p.cvr)).toBe(true);
    expect(providers.filter((p: { civilSociety: boolean }) => p.civilSociety).map((p: { name: string }) => p.name)).toEqual([
      'Frivilligcenter Midtfyn',
    ]);
  });

  it('keeps every demo referral within its rule and its events in the outbox', async () => {
    for (const key of ['svend', 'per', 'ulla'] as const) {
      for (const r of await referralsOf(key)) {
        expect(checkReferralLength(r.kind, r.startDate, r.endDate).ok).toBe(true);
        if (r.endedOn) expect(r.endedOn <= today).toBe(true);
      }
    }
    const [{ count }] = await subgraph.dataSource.query(`SELECT count(*)::int AS count FROM outbox_event WHERE type LIKE 'referral.%'`);
    // 4 created; Svend's treatment ACTIVE and COMPLETED; the course, Per's stay and Ulla's mentor ACTIVE.
    expect(count).toBe(9);
  });
});
