import { perturbedAround, startTestSubgraph, TestSubgraph } from '@jobcenter/kit/testing';
import { citizensSubgraph } from '../src/server';
import { analyst, createStaff, registerCitizen, staffActor, teamLead } from './builders';

/** citizenStatistics on a database of its own, so every count is known. */
let subgraph: TestSubgraph;
let inger: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(citizensSubgraph);
  inger = await createStaff(subgraph, { name: 'Inger Holm', role: 'CASEWORKER' });
});
afterAll(() => subgraph.stop());

const STATS = `{ citizenStatistics { total byStatus { key count } byTargetGroup { key count } suppressed } }`;

async function register(n: number, targetGroup: string) {
  for (let i = 0; i < n; i += 1) await registerCitizen(subgraph, staffActor(inger), { targetGroup });
}

const zeroGroups = (...except: string[]) =>
  [
    'JOB_READY',
    'ACTIVITY_READY',
    'EDUCATION_READY',
    'EDUCATION_ACTIVITY_READY',
    'UNEMPLOYMENT_INSURANCE',
    'NEW_GRADUATE',
    'SICKNESS_BENEFIT',
    'RESOURCE_PROGRAMME',
    'JOB_CLARIFICATION',
    'INTEGRATION',
    'FAMILY_SUPPORT',
  ]
    .filter((key) => !except.includes(key))
    .map((key) => ({ key, count: 0 }));

describe('citizenStatistics with small-cell suppression', () => {
  it('withholds everything about three citizens, and names it', async () => {
    await register(3, 'JOB_READY');
    const res = await subgraph.as(analyst, STATS);
    expect(res.errors).toBeUndefined();
    expect(res.data.citizenStatistics).toEqual({
      total: 0,
      byStatus: [
        { key: 'PAUSED', count: 0 },
        { key: 'SELF_SUPPORTING', count: 0 },
        { key: 'CLOSED', count: 0 },
      ],
      byTargetGroup: zeroGroups('JOB_READY'),
      suppressed: ['total', 'byStatus.ACTIVE', 'byTargetGroup.JOB_READY'],
    });
  });

  it('withholds a target group of two citizens and the next smallest beside it, for every role', async () => {
    await register(4, 'JOB_READY'); // 7
    await register(6, 'SICKNESS_BENEFIT');
    await register(2, 'EDUCATION_READY');
    for (const who of [analyst, teamLead, staffActor(inger)]) {
      const res = await subgraph.as(who, STATS);
      expect(res.errors).toBeUndefined();
      expect(res.data.citizenStatistics).toEqual({
        // Shown counts are perturbed (cell-key method): within ±2; the same citizens, the same noise.
        total: perturbedAround(15),
        byStatus: [
          { key: 'ACTIVE', count: perturbedAround(15) },
          { key: 'PAUSED', count: 0 },
          { key: 'SELF_SUPPORTING', count: 0 },
          { key: 'CLOSED', count: 0 },
        ],
        // 15 − 7 would reveal the 2 if only EDUCATION_READY were withheld: SICKNESS_BENEFIT goes with it.
        byTargetGroup: [{ key: 'JOB_READY', count: perturbedAround(7) }, ...zeroGroups('JOB_READY', 'EDUCATION_READY', 'SICKNESS_BENEFIT')],
        suppressed: ['byTargetGroup.EDUCATION_READY', 'byTargetGroup.SICKNESS_BENEFIT'],
      });
    }
  });
});
