import { citizensSubgraph } from '@jobcenter/citizens';
import { demoCitizens, demoStaff } from '@jobcenter/demo-cast';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { plansSubgraph } from '@jobcenter/plans';
import { placementsSubgraph } from '@jobcenter/placements';
import { ok, staffActor, TEAM } from '@jobcenter/placements/test/builders';

/** The demo data of all three subgraphs together, as `npm start` serves it. */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation([citizensSubgraph, plansSubgraph, placementsSubgraph]);
  for (const d of [citizensSubgraph, plansSubgraph, placementsSubgraph]) {
    expect(await d.seedDemo!(federation.subgraphs[d.name].dataSource)).toBe(true);
  }
}, 60_000);
afterAll(() => federation.stop());

it("shows Jens Kjær's day: his placements needing attention, with names and plan goals", async () => {
  const jens = staffActor({ ...demoStaff.jens, team: TEAM });
  const res = ok(
    await federation.as(
      jens,
      `query($id: ID!) { staffMember(id: $id) { name
      placementsNeedingAttention { reasons placement { kind company { name } citizen { firstName lastName activePlan { longTermGoal } } } } } }`,
      { id: demoStaff.jens.id },
    ),
  );
  expect(res.staffMember.name).toBe('Jens Kjær');
  const list = res.staffMember.placementsNeedingAttention;
  expect(list.map((a: any) => [a.reasons, a.placement.citizen.firstName, a.placement.company.name])).toEqual([
    [['ENDING_SOON'], 'Line', 'Faber A/S'],
    [['NO_RECENT_FOLLOW_UP'], 'Svend', 'Ringe Anlægsgartner ApS'],
  ]);
  expect(list[1].placement.citizen.activePlan.longTermGoal).toMatch(/anlægsgartner/);
  expect(list.every((a: any) => a.placement.citizen.activePlan)).toBe(true);
});

it("matches the citizens service's record of each target group", async () => {
  // The team lead sees the team's citizens: all but Bent, whose assignments ended when he got
  // his job (so his two placements are out of reach now, as the caseload policy says).
  const res = ok(
    await federation.as(
      staffActor({ ...demoStaff.lone, team: TEAM }),
      `{ citizens(first: 10) { nodes { firstName targetGroup placements { targetGroupAtStart } } } }`,
    ),
  );
  for (const c of res.citizens.nodes) {
    for (const p of c.placements) expect(p.targetGroupAtStart).toBe(c.targetGroup);
  }
  expect(res.citizens.nodes.map((c: any) => c.firstName).sort()).toEqual(['Line', 'Per', 'Svend', 'Ulla']);
  // Line 2, Svend 2, Ulla 1 and Per's workshop internship (pathways).
  expect(res.citizens.nodes.flatMap((c: any) => c.placements)).toHaveLength(6);
});

it("shows Svend's pathway at the gardener (internship → wage subsidy) and the consents the stories give", async () => {
  const inger = staffActor({ ...demoStaff.inger, team: TEAM });
  const res = ok(
    await federation.as(
      inger,
      `query($id: ID!) { citizen(id: $id) { activePlacement { kind previous { kind } pathway { kind status } disclosures { contact consent { party } } }
        consents { partyKind inForce company { name } } } }`,
      { id: demoCitizens.svend.id },
    ),
  ).citizen;
  expect(res.activePlacement.pathway).toEqual([
    { kind: 'INTERNSHIP', status: 'COMPLETED' },
    { kind: 'WAGE_SUBSIDY_PRIVATE', status: 'ACTIVE' },
  ]);
  expect(res.activePlacement.previous).toEqual({ kind: 'INTERNSHIP' });
  expect(res.activePlacement.disclosures).toEqual([
    { contact: 'Poul Gartner', consent: { party: 'Ringe Anlægsgartner ApS, Poul Gartner' } },
  ]);
  expect(res.consents).toEqual([{ partyKind: 'EMPLOYER', inForce: true, company: { name: 'Ringe Anlægsgartner ApS' } }]);
});
