import { citizensSubgraph } from '@jobcenter/citizens';
import { DEMO_TEAM, demoStaff } from '@jobcenter/demo-cast';
import { startTestSubgraph, TestSubgraph } from '@jobcenter/kit/testing';
import { benchCpr, fillCaseload } from '../src/bench-scenarios';

/** The benchmark's caseload is made as the service would make it: CPR numbers encrypted and indexed. */
let citizens: TestSubgraph;
beforeAll(async () => {
  citizens = await startTestSubgraph(citizensSubgraph);
  await citizensSubgraph.seedDemo!(citizens.dataSource);
});
afterAll(() => citizens.stop());

it('fills the caseload with citizens the service finds by CPR number and reads', async () => {
  await fillCaseload({ citizens }, 400);
  const inger = { ...demoStaff.inger, team: DEMO_TEAM };
  for (const i of [0, 337, 399]) {
    const cpr = benchCpr(i);
    const res = await citizens.as(inger, `query($cpr: String!) { citizenByCpr(cpr: $cpr) { lastName cpr birthDate } }`, { cpr });
    expect(res.errors).toBeUndefined();
    expect(res.data.citizenByCpr).toEqual({
      lastName: `Citizen${String(i).padStart(5, '0')}`,
      cpr: `${cpr.slice(0, 6)}-${cpr.slice(6)}`,
      birthDate: `1985-${cpr.slice(2, 4)}-${cpr.slice(0, 2)}`,
    });
  }
  const plain = await citizens.dataSource.query(
    `SELECT count(*)::int AS n FROM citizen WHERE row_to_json(citizen)::text LIKE '%' || $1 || '%'`,
    [benchCpr(5)],
  );
  expect(plain[0].n).toBe(0);
});
