import { startTestGrants, startTestSubgraph, TestGrants, TestSubgraph } from '@jobcenter/kit/testing';
import { DEMO_TEAM, demoCitizens, demoStaff } from '@jobcenter/demo-cast';
import { seedPlansDemo } from '../src/demo/demo-data';
import { plansSubgraph } from '../src/server';
import { analyst, citizen } from './builders';

let subgraph: TestSubgraph;
let grants: TestGrants;
beforeAll(async () => {
  grants = await startTestGrants();
  subgraph = await startTestSubgraph(plansSubgraph);
});
afterAll(async () => {
  await subgraph.stop();
  await grants.stop();
});

const ACTIVE_PLAN = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen {
  plans { status } activePlan { longTermGoal citizenPerspective milestones { title status overdue achievedAt } latestPeriod { nextPeriodGoals } }
  progress { assessedAt } } } }`;
const asCitizen = (key: keyof typeof demoCitizens) =>
  subgraph.as(citizen(demoCitizens[key].id), ACTIVE_PLAN, { r: [{ __typename: 'Citizen', id: demoCitizens[key].id }] });

describe('demo data', () => {
  it('loads into an empty database once', async () => {
    expect(await seedPlansDemo(subgraph.dataSource)).toBe(true);
    expect(await seedPlansDemo(subgraph.dataSource)).toBe(false);
  });

  it("follows Svend's story: sober, internship at a gardener, wage subsidy, goal landscape gardener", async () => {
    const res = await asCitizen('svend');
    expect(res.errors).toBeUndefined();
    const { activePlan, progress } = res.data._entities[0];
    expect(activePlan.longTermGoal).toMatch(/anlægsgartner/);
    expect(activePlan.citizenPerspective).toMatch(/tørlagt/);
    const byTitle = Object.fromEntries(activePlan.milestones.map((m: { title: string; status: string }) => [m.title, m.status]));
    expect(byTitle['Gennemføre alkoholbehandling og blive tørlagt']).toBe('ACHIEVED');
    expect(byTitle['Virksomhedspraktik hos gartner']).toBe('ACHIEVED');
    expect(byTitle['Løntilskud hos gartneren']).toBe('IN_PROGRESS');
    expect(progress).toHaveLength(2);
  });

  it('gives Per an overdue step, Ulla a called-off internship, and Bent a completed plan', async () => {
    const per = (await asCitizen('per')).data._entities[0];
    expect(per.activePlan.longTermGoal).toMatch(/mekaniker/);
    expect(per.activePlan.milestones.some((m: { title: string; overdue: boolean }) => /højskole/.test(m.title))).toBe(true);
    expect(per.activePlan.milestones.filter((m: { overdue: boolean }) => m.overdue)).toHaveLength(1);
    const ulla = (await asCitizen('ulla')).data._entities[0];
    expect(ulla.activePlan.milestones.find((m: { title: string }) => /kunstner/.test(m.title))).toBeDefined();
    expect(ulla.activePlan.milestones.find((m: { status: string }) => m.status === 'DROPPED')).toBeDefined();
    const line = (await asCitizen('line')).data._entities[0];
    expect(line.activePlan.milestones.map((m: { title: string }) => m.title)).toContain('Vikarjob hos Faber');
    const bent = (await asCitizen('bent')).data._entities[0];
    expect(bent.activePlan).toBeNull();
    expect(bent.plans).toEqual([{ status: 'COMPLETED' }]);
  });

  it('gives the dashboard no progression figure from the demo assessments: three citizens are too few to show', async () => {
    const res = await subgraph.as(analyst, '{ progressionStatistics { dimension citizens averageChange } }');
    expect(res.errors).toBeUndefined();
    // The demo assesses three citizens twice; small-cell suppression withholds every dimension.
    expect(res.data.progressionStatistics).toEqual([]);
  });

  it("gives Ulla's family course a shared midway report, and shows Per's as due", async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { reports { kind status version text } midwayReportDueOn } } }`;
    const ulla = await subgraph.as(citizen(demoCitizens.ulla.id), q, { r: [{ __typename: 'Citizen', id: demoCitizens.ulla.id }] });
    expect(ulla.errors).toBeUndefined();
    const [report] = ulla.data._entities[0].reports;
    expect(report).toMatchObject({ kind: 'MIDWAY_STATUS', status: 'SHARED', version: 1 });
    expect(report.text).toContain('Borger: Ulla Jensen');
    expect(report.text).toContain('Netværksmøde | Afholdt | Status: Ulla møder op');
    const lead = { id: demoStaff.lone.id, role: 'TEAM_LEAD' as const, name: demoStaff.lone.name, team: DEMO_TEAM };
    grants.assign({ id: demoStaff.inger.id, team: DEMO_TEAM }, demoCitizens.per.id);
    const per = await subgraph.as(lead, q, { r: [{ __typename: 'Citizen', id: demoCitizens.per.id }] });
    expect(per.errors).toBeUndefined();
    expect(per.data._entities[0]).toMatchObject({ reports: [], midwayReportDueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });
});
