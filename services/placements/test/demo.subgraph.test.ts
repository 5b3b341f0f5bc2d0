import { demoCitizens, demoStaff } from '@jobcenter/demo-cast';
import { addDays, todayInCopenhagen } from '@jobcenter/kit';
import { startTestGrants, startTestSubgraph, TestGrants, TestSubgraph } from '@jobcenter/kit/testing';
import { isValidCvr } from '../src/company/cvr.rules';
import { seedPlacementsDemo } from '../src/demo/demo-data';
import { checkProposedLength } from '../src/rules/placement-rules';
import { placementsSubgraph } from '../src/server';
import { citizenActor, ok, staffActor, TEAM } from './builders';

let subgraph: TestSubgraph;
let grants: TestGrants;
const today = todayInCopenhagen();
beforeAll(async () => {
  grants = await startTestGrants();
  // Jens' caseload as the citizens service's demo data has it (Bent's assignment has ended).
  for (const key of ['ulla', 'svend', 'line'] as const) grants.assign({ id: demoStaff.jens.id, team: TEAM }, demoCitizens[key].id);
  subgraph = await startTestSubgraph(placementsSubgraph);
});
afterAll(async () => {
  await subgraph.stop();
  await grants.stop();
});

const jens = staffActor({ ...demoStaff.jens, team: TEAM });
const PLACEMENTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen {
  placements { kind status outcome startDate endDate maxEndDate targetGroupAtStart cancelReason company { name cvr size } followUps { date } } } } }`;
const placementsOf = async (key: keyof typeof demoCitizens) =>
  ok(await subgraph.as(citizenActor(demoCitizens[key].id), PLACEMENTS, { r: [{ __typename: 'Citizen', id: demoCitizens[key].id }] }))
    ._entities[0].placements;

describe('demo data', () => {
  it('loads into an empty database once', async () => {
    expect(await seedPlacementsDemo(subgraph.dataSource)).toBe(true);
    expect(await seedPlacementsDemo(subgraph.dataSource)).toBe(false);
  });

  it("follows Bent: internship at Kværndrup Kro, then 6 months' wage subsidy ending in ordinary employment", async () => {
    const [subsidy, internship] = await placementsOf('bent');
    expect(internship).toMatchObject({
      kind: 'INTERNSHIP',
      status: 'COMPLETED',
      outcome: 'OTHER_PLACEMENT',
      company: { name: 'Kværndrup Kro', size: 'SMALL' },
    });
    expect(subsidy).toMatchObject({
      kind: 'WAGE_SUBSIDY_PRIVATE',
      status: 'COMPLETED',
      outcome: 'ORDINARY_EMPLOYMENT',
      company: { name: 'Kværndrup Kro' },
    });
    expect(subsidy.endDate).toBe(subsidy.maxEndDate);
  });

  it('follows Svend (gardener in Ringe, now wage subsidy), Line (flower shop, then Faber A/S) and Ulla (called off)', async () => {
    const svend = await placementsOf('svend');
    expect(svend.map((p: { kind: string; status: string }) => `${p.kind} ${p.status}`)).toEqual([
      'WAGE_SUBSIDY_PRIVATE ACTIVE',
      'INTERNSHIP COMPLETED',
    ]);
    expect(svend[0].company.name).toBe('Ringe Anlægsgartner ApS');
    const line = await placementsOf('line');
    expect(line.map((p: { company: { name: string } }) => p.company.name)).toEqual(['Faber A/S', 'Ryslinge Blomster']);
    expect(line[0]).toMatchObject({ kind: 'ORDINARY_JOB', status: 'ACTIVE', endDate: addDays(today, 10) });
    expect(line[1]).toMatchObject({ kind: 'INTERNSHIP', status: 'COMPLETED' });
    const [ulla] = await placementsOf('ulla');
    expect(ulla).toMatchObject({ status: 'CANCELLED', cancelReason: expect.stringMatching(/kunstner/) });
  });

  it('keeps every demo placement within the legal maximum and every CVR number valid', async () => {
    for (const key of Object.keys(demoCitizens) as (keyof typeof demoCitizens)[]) {
      for (const p of await placementsOf(key)) {
        expect(isValidCvr(p.company.cvr)).toBe(true);
        expect(checkProposedLength(p.kind, p.targetGroupAtStart, p.startDate, p.endDate).ok).toBe(true);
        for (const f of p.followUps) expect(f.date <= today).toBe(true);
      }
    }
  });

  it("gives Jens a list that needs attention: Line's job ends soon, Svend has had no follow-up in 20 days", async () => {
    const res = ok(
      await subgraph.as(
        jens,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on StaffMember {
        placementsNeedingAttention { reasons placement { kind citizen { id } } } } } }`,
        { r: [{ __typename: 'StaffMember', id: demoStaff.jens.id }] },
      ),
    );
    expect(res._entities[0].placementsNeedingAttention).toEqual([
      { reasons: ['ENDING_SOON'], placement: { kind: 'ORDINARY_JOB', citizen: { id: demoCitizens.line.id } } },
      { reasons: ['NO_RECENT_FOLLOW_UP'], placement: { kind: 'WAGE_SUBSIDY_PRIVATE', citizen: { id: demoCitizens.svend.id } } },
    ]);
  });
});
