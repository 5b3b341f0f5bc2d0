import { randomUUID } from 'node:crypto';
import type { Actor } from '@jobcenter/kit';
import { API_SECURITY_HEADERS } from '@jobcenter/kit/http';
import { bearerFor, gatewayHeadersFor } from '@jobcenter/kit/testing';
import { DEMO_TEAM, demoStaff } from '@jobcenter/demo-cast';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { subgraphs } from '../../src/services';

/**
 * Every service's answers carry the API hardening headers (nosniff, no-store, no framing, …):
 * the gateway's and each subgraph's, with data, with a GraphQL error, refused at sign-in, and on
 * health. The paths inside one server (fast POST, Express, body refusals) are covered in
 * packages/kit/test/security-headers.test.ts.
 */
let federation: TestFederation;
const inger: Actor = { ...demoStaff.inger, team: DEMO_TEAM };

beforeAll(async () => {
  federation = await startTestFederation(subgraphs);
});
afterAll(() => federation.stop());

const post = (url: string, query: string, headers: Record<string, string>) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables: { id: randomUUID() } }),
  });

function hardened(res: Response): Record<string, string | null> {
  return Object.fromEntries(Object.keys(API_SECURITY_HEADERS).map((name) => [name, res.headers.get(name)]));
}

describe('hardening headers on every service', () => {
  it('the gateway: an answer with data, a NOT_FOUND, an unauthenticated refusal, a validation error, health', async () => {
    const bearer = await bearerFor(inger);
    const answers: Record<string, Response> = {
      data: await post(federation.url, 'query Me($id: ID!) { staffMember(id: $id) { id } }', bearer),
      error: await post(federation.url, 'query Who($id: ID!) { citizen(id: $id) { id cpr } }', bearer),
      unauthenticated: await post(federation.url, '{ __typename }', {}),
      invalid: await post(federation.url, '{ nope }', bearer),
      health: await fetch(federation.url.replace('/graphql', '/health/ready')),
    };
    expect(answers.unauthenticated.status).toBe(401);
    for (const [what, res] of Object.entries(answers))
      expect({ what, headers: hardened(res) }).toEqual({ what, headers: API_SECURITY_HEADERS });
  });

  it.each(subgraphs.map((s) => s.name))('%s: an answer, a refusal without the gateway, a validation error, health', async (name) => {
    const { url } = federation.subgraphs[name];
    const gateway = await gatewayHeadersFor(inger);
    const answers: Record<string, Response> = {
      data: await post(url, '{ _service { sdl } }', gateway),
      unauthenticated: await post(url, '{ _service { sdl } }', { authorization: (await bearerFor(inger)).authorization }),
      invalid: await post(url, '{ nope }', gateway),
      health: await fetch(url.replace('/graphql', '/health/live')),
    };
    expect(answers.data.status).toBe(200);
    expect(answers.unauthenticated.status).toBe(401);
    for (const [what, res] of Object.entries(answers))
      expect({ name, what, headers: hardened(res) }).toEqual({ name, what, headers: API_SECURITY_HEADERS });
  });
});
