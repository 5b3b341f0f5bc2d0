import { demoCitizens, demoStaff } from '@jobcenter/demo-cast';
import { subgraphClient } from '@jobcenter/kit';
import { errorCode, startTestGrants, startTestSubgraph, TestGrants, TestSubgraph } from '@jobcenter/kit/testing';
import { seedPlacementsDemo } from '../src/demo/demo-data';
import { placementsSubgraph } from '../src/server';
import { staffActor, TEAM } from './builders';

/**
 * reportReferral: the referral a report of the course is about, as plans copies it when drafting
 * (hidden from the composed API, SERVICE only, the read logged under the staff member drafting).
 */
let subgraph: TestSubgraph;
let grants: TestGrants;
beforeAll(async () => {
  grants = await startTestGrants();
  subgraph = await startTestSubgraph(placementsSubgraph);
  await seedPlacementsDemo(subgraph.dataSource);
});
afterAll(async () => {
  await subgraph.stop();
  await grants.stop();
});

/** Per's stay at the folk high school (the offers demo). */
const PER_REFERRAL = '4e6a8c0d-2f3b-4a5c-9d7e-000000000003';
const REFERRAL = `query($id: ID!, $c: ID!, $r: String!, $a: ID!) { reportReferral(referralId: $id, citizenId: $c, actorRole: $r, actorId: $a) {
  id citizenId providerName kind purpose startDate endDate status outcome result } }`;
const anders = demoStaff.anders;

describe('reportReferral', () => {
  it("answers the citizen's referral to plans and logs the read under the staff member drafting", async () => {
    const asPlans = subgraphClient('plans', 'placements', subgraph.url);
    const data = await asPlans.query<any>(REFERRAL, { id: PER_REFERRAL, c: demoCitizens.per.id, r: anders.role, a: anders.id });
    expect(data.reportReferral).toMatchObject({
      id: PER_REFERRAL,
      citizenId: demoCitizens.per.id,
      providerName: 'Vestjyllands Sundhedshøjskole',
      kind: 'UPSKILLING',
      status: 'ACTIVE',
    });
    const logged = await subgraph.dataSource.query(
      `SELECT actor_id, actor_role, kind, operation FROM kit_access_log WHERE citizen_id = $1 AND operation_name = 'reportReferral'`,
      [demoCitizens.per.id],
    );
    expect(logged).toEqual([{ actor_id: anders.id, actor_role: anders.role, kind: 'referral (report drafting)', operation: 'READ' }]);
  });

  it("answers null for another citizen's referral or an unknown one, and logs nothing for them", async () => {
    const asPlans = subgraphClient('plans', 'placements', subgraph.url);
    const vars = { id: PER_REFERRAL, c: demoCitizens.svend.id, r: anders.role, a: anders.id };
    expect((await asPlans.query<any>(REFERRAL, vars)).reportReferral).toBeNull();
    expect((await asPlans.query<any>(REFERRAL, { ...vars, id: 'nope' })).reportReferral).toBeNull();
    const logged = await subgraph.dataSource.query(
      `SELECT 1 FROM kit_access_log WHERE citizen_id = $1 AND operation_name = 'reportReferral'`,
      [demoCitizens.svend.id],
    );
    expect(logged).toEqual([]);
  });

  it('is for services only, on behalf of case staff', async () => {
    const vars = { id: PER_REFERRAL, c: demoCitizens.per.id, r: anders.role, a: anders.id };
    expect(errorCode(await subgraph.as(staffActor({ ...anders, team: TEAM }), REFERRAL, vars))).toBe('FORBIDDEN');
    await expect(subgraphClient('plans', 'placements', subgraph.url).query(REFERRAL, { ...vars, r: 'CITIZEN' })).rejects.toThrow(
      /case staff/,
    );
  });
});
