import { randomUUID } from 'node:crypto';
import {
  AccessGrant,
  createCitizenAccess,
  decideCitizenAccess,
  GrantCache,
  grantTtlMs,
  MAX_CACHED_CITIZENS,
  MAX_GRANT_TTL_MS,
} from '../src/access';
import type { Actor } from '../src/identity';

const TEAM = 'Team Ryslinge';
const citizen = randomUUID();
const inger: Actor = { id: randomUUID(), role: 'CASEWORKER', name: 'Inger Holm', team: TEAM };
const anders: Actor = { id: randomUUID(), role: 'RESOURCE_CONSULTANT', name: 'Anders Lund', team: TEAM };
const jens: Actor = { id: randomUUID(), role: 'JOB_CONSULTANT', name: 'Jens Kjær', team: TEAM };
const lone: Actor = { id: randomUUID(), role: 'TEAM_LEAD', name: 'Lone Friis', team: TEAM };
const otherLead: Actor = { id: randomUUID(), role: 'TEAM_LEAD', name: 'Ole Vest', team: 'Team Vest' };
const karin: Actor = { id: randomUUID(), role: 'ANALYST', name: 'Karin Dahl', team: TEAM };
const service: Actor = { id: 'service:plans', role: 'SERVICE', name: 'plans' };
const grants: AccessGrant[] = [{ citizenId: citizen, staffId: inger.id, team: TEAM }];

describe('the caseload policy', () => {
  it.each([
    ['the assigned caseworker', inger, 'ALLOW'],
    ['a consultant of the same team without an assignment', anders, 'DENY'],
    ['a job consultant without an assignment', jens, 'DENY'],
    ["the team lead of the assigned staff member's team", lone, 'ALLOW'],
    ['a team lead of another team', otherLead, 'DENY'],
    ['an analyst, even of the same team', karin, 'DENY'],
    ['a service', service, 'DENY'],
    ['the citizen themselves', { id: citizen, role: 'CITIZEN', name: 'Svend' } as Actor, 'ALLOW'],
    ['another citizen (answered as if the id did not exist)', { id: randomUUID(), role: 'CITIZEN', name: 'Per' } as Actor, 'HIDDEN'],
  ])('decides %s: %s', (_who, actor, decision) => {
    expect(decideCitizenAccess(actor as Actor, citizen, grants)).toBe(decision);
  });

  it("gives no one access through another citizen's grants", () => {
    expect(decideCitizenAccess(inger, randomUUID(), grants)).toBe('DENY');
    expect(decideCitizenAccess(lone, randomUUID(), grants)).toBe('DENY');
  });

  it('caps the grant cache at 60 seconds whatever is configured', () => {
    const previous = process.env.ACCESS_GRANT_TTL_MS;
    try {
      process.env.ACCESS_GRANT_TTL_MS = '3600000';
      expect(grantTtlMs()).toBe(MAX_GRANT_TTL_MS);
      process.env.ACCESS_GRANT_TTL_MS = '250';
      expect(grantTtlMs()).toBe(250);
    } finally {
      if (previous === undefined) delete process.env.ACCESS_GRANT_TTL_MS;
      else process.env.ACCESS_GRANT_TTL_MS = previous;
    }
  });
});

describe('a request’s access decisions over the grant cache', () => {
  function source(initial: AccessGrant[]) {
    const state = { grants: [...initial], calls: [] as string[][] };
    const load = async (ids: readonly string[]) => {
      state.calls.push([...ids]);
      return state.grants.filter((g) => ids.includes(g.citizenId));
    };
    return { state, load };
  }

  it('asks the source once per request batch, whatever the number of citizens', async () => {
    const ids = Array.from({ length: 50 }, () => randomUUID());
    const { state, load } = source(ids.map((id) => ({ citizenId: id, staffId: inger.id, team: TEAM })));
    const access = createCitizenAccess(inger, new GrantCache(load, () => 30_000));
    const decisions = await Promise.all(ids.map((id) => access.decide(id)));
    expect(decisions.every((d) => d === 'ALLOW')).toBe(true);
    expect(state.calls).toHaveLength(1);
  });

  it(`holds at most ${MAX_CACHED_CITIZENS} citizens however many ids callers make up within the time to live`, async () => {
    const { load } = source(grants);
    const cache = new GrantCache(load, () => 30_000);
    expect(await createCitizenAccess(inger, cache).decide(citizen)).toBe('ALLOW');
    for (let batch = 0; batch < 25; batch += 1) await cache.grantsFor(Array.from({ length: 1000 }, () => randomUUID()));
    expect(cache.size).toBe(MAX_CACHED_CITIZENS);
    // The newest stay; the first citizen, pushed out, is asked at the source again and still allowed.
    expect(await createCitizenAccess(inger, cache).decide(citizen)).toBe('ALLOW');
  });

  it('gives access at once when an assignment starts (a refusal is re-checked at the source)', async () => {
    const { state, load } = source([]);
    const cache = new GrantCache(load, () => 30_000);
    expect(await createCitizenAccess(inger, cache).decide(citizen)).toBe('DENY');
    state.grants.push({ citizenId: citizen, staffId: inger.id, team: TEAM });
    expect(await createCitizenAccess(inger, cache).decide(citizen)).toBe('ALLOW');
  });

  it('ends access within the time to live when an assignment ends', async () => {
    const { state, load } = source(grants);
    const cache = new GrantCache(load, () => 50);
    expect(await createCitizenAccess(inger, cache).decide(citizen)).toBe('ALLOW');
    state.grants = [];
    // Within the TTL the cached allowance may still stand; after it, the source decides.
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await createCitizenAccess(inger, cache).decide(citizen)).toBe('DENY');
  });

  it('never asks the source for analysts, services or citizens', async () => {
    const { state, load } = source(grants);
    for (const actor of [karin, service, { id: citizen, role: 'CITIZEN', name: 'Svend' } as Actor]) {
      await createCitizenAccess(actor, new GrantCache(load)).decide(citizen);
    }
    expect(state.calls).toHaveLength(0);
  });

  it('throws FORBIDDEN for a refusal, and answers false for another citizen', async () => {
    const { load } = source(grants);
    await expect(createCitizenAccess(anders, new GrantCache(load)).mayRead(citizen)).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await createCitizenAccess({ id: randomUUID(), role: 'CITIZEN', name: 'Per' }, new GrantCache(load)).mayRead(citizen)).toBe(
      false,
    );
    await expect(createCitizenAccess(karin, new GrantCache(load)).filter([citizen])).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    expect([...(await createCitizenAccess(lone, new GrantCache(load)).filter([citizen, randomUUID()]))]).toEqual([citizen]);
  });
});
