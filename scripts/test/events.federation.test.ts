import { randomUUID } from 'node:crypto';
import type { Actor, EventEnvelope, FeedPage } from '@jobcenter/kit';
import { EVENT_CATALOGUE, eventDefinition, payloadProblems, serviceRequestHeaders } from '@jobcenter/kit';
import { citizensSubgraph } from '@jobcenter/citizens';
import { plansSubgraph } from '@jobcenter/plans';
import { meetingsSubgraph } from '@jobcenter/meetings';
import { placementsSubgraph } from '@jobcenter/placements';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';

/**
 * Domain events through the real federation: a change made through the gateway appears in its
 * subgraph's feed (GET /events, service credentials), a refused change writes none, and no
 * payload anywhere, demo seeds included, carries a field the catalogue does not allow.
 */
const TEAM = 'Team Outbox';
const lone: Actor = { id: randomUUID(), role: 'TEAM_LEAD', name: 'Lone Friis', team: TEAM };
let federation: TestFederation;
let mette: Actor;

async function feed(service: string, after = ''): Promise<EventEnvelope[]> {
  const events: EventEnvelope[] = [];
  for (;;) {
    const url = new URL('/events', federation.subgraphs[service].url);
    url.searchParams.set('after', after);
    url.searchParams.set('limit', '1000');
    const response = await fetch(url, { headers: await serviceRequestHeaders('test') });
    expect(response.status).toBe(200);
    const page = (await response.json()) as FeedPage;
    if (page.events.length === 0) return events;
    events.push(...page.events);
    after = page.next;
  }
}

/** The events of `service` whose aggregate is `id`, once the feed has at least `count` (others' transactions may hold it back). */
async function eventsOf(service: string, id: string, count: number): Promise<EventEnvelope[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = (await feed(service)).filter((e) => e.aggregateId === id || e.citizenId === id);
    if (found.length >= count || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  federation = await startTestFederation([citizensSubgraph, plansSubgraph, meetingsSubgraph, placementsSubgraph]);
  for (const definition of [citizensSubgraph, plansSubgraph, meetingsSubgraph, placementsSubgraph]) {
    await definition.seedDemo?.(federation.subgraphs[definition.name].dataSource);
  }
  const created = await federation.as(lone, `mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { id name } }`, {
    i: { name: 'Mette Skov', role: 'CASEWORKER', email: `${randomUUID()}@outbox.dk`, team: TEAM },
  });
  expect(created.errors).toBeUndefined();
  mette = { id: created.data.createStaffMember.id, role: 'CASEWORKER', name: 'Mette Skov', team: TEAM };
});
afterAll(() => federation.stop());

describe('events through the gateway', () => {
  it("a citizen's registration, assignment, status change and plan appear in the feeds, in order", async () => {
    const staffEvents = await eventsOf('citizens', mette.id, 1);
    expect(staffEvents.map((e) => [e.type, e.payload])).toEqual([['staff.created', { staffId: mette.id, role: 'CASEWORKER', team: TEAM }]]);

    const registered = await federation.as(
      mette,
      `mutation { registerCitizen(input: { cpr: "010203-1237", firstName: "Ulla", lastName: "Jensen", targetGroup: ACTIVITY_READY, enrolledAt: "2026-05-01" }) { id version } }`,
    );
    expect(registered.errors).toBeUndefined();
    const ulla = registered.data.registerCitizen.id;
    const assigned = await federation.as(
      mette,
      `mutation($c: ID!, $s: ID!) { assignStaff(citizenId: $c, staffId: $s, role: CASEWORKER, from: "2026-05-01") { id } }`,
      {
        c: ulla,
        s: mette.id,
      },
    );
    expect(assigned.errors).toBeUndefined();
    const paused = await federation.as(
      mette,
      `mutation($id: ID!, $v: Int!) { updateCitizen(id: $id, expectedVersion: $v, input: { status: PAUSED }) { id } }`,
      {
        id: ulla,
        v: registered.data.registerCitizen.version,
      },
    );
    expect(paused.errors).toBeUndefined();
    // A refused change (a stale version) writes no event.
    const stale = await federation.as(
      mette,
      `mutation($id: ID!) { updateCitizen(id: $id, expectedVersion: 1, input: { status: CLOSED }) { id } }`,
      { id: ulla },
    );
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');

    const citizenEvents = await eventsOf('citizens', ulla, 3);
    expect(citizenEvents.map((e) => e.type)).toEqual(['citizen.registered', 'assignment.started', 'citizen.statusChanged']);
    expect(citizenEvents[0]).toMatchObject({
      source: 'citizens',
      aggregateType: 'citizen',
      aggregateId: ulla,
      citizenId: ulla,
      schemaVersion: 1,
      payload: { targetGroup: 'ACTIVITY_READY', status: 'ACTIVE', enrolledAt: '2026-05-01', birthYear: 1903 },
    });
    expect(citizenEvents[1].payload).toEqual({
      assignmentId: assigned.data.assignStaff.id,
      staffId: mette.id,
      role: 'CASEWORKER',
      team: TEAM,
      from: '2026-05-01',
    });
    expect(citizenEvents[2].payload).toEqual({ status: 'PAUSED', previousStatus: 'ACTIVE' });

    const plan = await federation.as(
      mette,
      `mutation($c: ID!) { createPlan(citizenId: $c, input: { longTermGoal: "Arbejde i en butik", startDate: "2026-05-02" }) { id } }`,
      {
        c: ulla,
      },
    );
    expect(plan.errors).toBeUndefined();
    const planId = plan.data.createPlan.id;
    const milestone = await federation.as(
      mette,
      `mutation($p: ID!) { addMilestone(planId: $p, input: { title: "Praktik i Brugsen", deadline: "2026-09-01" }) { id } }`,
      { p: planId },
    );
    expect(milestone.errors).toBeUndefined();
    const planEvents = await eventsOf('plans', ulla, 3);
    // A new milestone changes the plan the citizen confirmed (docs/co-ownership.md): plan.changed.
    expect(planEvents.map((e) => [e.type, e.aggregateId])).toEqual([
      ['plan.created', planId],
      ['milestone.added', milestone.data.addMilestone.id],
      ['plan.changed', planId],
    ]);
    expect(planEvents[1].payload).toEqual({
      milestoneId: milestone.data.addMilestone.id,
      planId,
      deadline: '2026-09-01',
      responsible: 'SHARED',
      status: 'PLANNED',
    });
    // The goal and the milestone's title are words about the citizen: never in an event.
    expect(JSON.stringify(planEvents)).not.toMatch(/Arbejde|Praktik|Brugsen/);
  });

  it('the demo seeds wrote their events in the same transaction as their rows', async () => {
    for (const [service, type] of [
      ['citizens', 'citizen.registered'],
      ['plans', 'plan.created'],
      ['meetings', 'meeting.scheduled'],
      ['placements', 'placement.proposed'],
    ] as const) {
      const events = await feed(service);
      expect({ service, seeded: events.some((e) => e.type === type) }).toEqual({ service, seeded: true });
    }
  });
});

describe('no personal data in events', () => {
  const FORBIDDEN =
    /name|cpr|mail|phone|address|note|text|summary|description|reason|title|goal|comment|mentor|location|perspective|justification/i;

  it('the catalogue has no field that could hold a name, CPR number, contact or free text', () => {
    const offending = Object.entries(EVENT_CATALOGUE).flatMap(([type, definition]) =>
      Object.keys(definition.fields)
        .filter((field) => FORBIDDEN.test(field))
        .map((field) => `${type}.${field}`),
    );
    expect(offending).toEqual([]);
  });

  it('every payload stored by the four subgraphs (demo seeds and the flows above) is exactly what the catalogue allows', async () => {
    const problems: string[] = [];
    const types = new Set<string>();
    for (const service of ['citizens', 'plans', 'meetings', 'placements']) {
      for (const event of await feed(service)) {
        types.add(event.type);
        if (eventDefinition(event.type)?.source !== service) problems.push(`${service} served ${event.type}`);
        problems.push(...payloadProblems(event.type, event.payload));
        // Belt and braces: no value anywhere in a payload looks like a CPR number, an e-mail or a phone number.
        if (/\b\d{6}-?\d{4}\b|@|\+45/.test(JSON.stringify(event.payload))) problems.push(`${event.type}: ${JSON.stringify(event.payload)}`);
      }
    }
    expect(problems).toEqual([]);
    // The seeds and flows above cover most of the catalogue (the rest: packages/kit/test/events-*.test.ts and the services' tests).
    expect(types.size).toBeGreaterThanOrEqual(15);
  });
});
