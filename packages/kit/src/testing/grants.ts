import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AccessGrant } from '../access';
import { gatewayAssertionSecret, GATEWAY_ASSERTION_HEADER, verifyGatewayAssertion } from '../identity';

/**
 * Stands in for the citizens subgraph's `accessGrants` (the caseloads) in a subgraph's own
 * tests, so a plans or meetings test arranges "Inger is this citizen's caseworker" without
 * running the citizens service. Like the real one it answers only a signed SERVICE assertion.
 * Federation tests use the real citizens subgraph instead.
 */
export interface TestGrants {
  url: string;
  /** Makes `staff` (and so their team lead) hold the citizen, as an active assignment would. */
  assign(staff: { id: string; team?: string }, citizenId: string): void;
  /** Ends the staff member's assignment to the citizen. */
  end(staff: { id: string }, citizenId: string): void;
  /**
   * Makes the stand-in say this citizen or staff id names nobody (`knownReferences`); every other
   * well-formed id is taken to exist, so tests need not register the people they make up.
   */
  forget(id: string): void;
  /**
   * Sets the target group the stand-in answers for this citizen through `_entities`
   * (`... on Citizen { id targetGroup }`); ACTIVITY_READY when never set.
   */
  setTargetGroup(citizenId: string, targetGroup: string): void;
  /** Sets the name the stand-in answers for this citizen through `reportSubject`; "Test Borger" when never set. */
  setName(citizenId: string, firstName: string, lastName: string): void;
  /** How many look-ups reached the stub (to prove batching and caching). */
  calls: number;
  stop(): Promise<void>;
}

/** Starts the stub and points CITIZENS_URL at it until `stop()`. */
export async function startTestGrants(): Promise<TestGrants> {
  const grants: AccessGrant[] = [];
  const unknown = new Set<string>();
  const targetGroups = new Map<string, string>();
  const names = new Map<string, { firstName: string; lastName: string }>();
  const secret = gatewayAssertionSecret();
  const state = { calls: 0 };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      const reply = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      try {
        const assertion = req.headers[GATEWAY_ASSERTION_HEADER];
        const { actor } = await verifyGatewayAssertion(String(assertion), secret);
        if (actor.role !== 'SERVICE') return reply(200, { errors: [{ message: 'services only', extensions: { code: 'FORBIDDEN' } }] });
        const { query, variables } = JSON.parse(body) as {
          query: string;
          variables: { citizenIds: string[]; staffIds?: string[]; representations?: { id: string }[] };
        };
        if (query.includes('_entities')) {
          const entities = (variables.representations ?? []).map((r) =>
            unknown.has(r.id) ? null : { id: r.id, targetGroup: targetGroups.get(r.id) ?? 'ACTIVITY_READY' },
          );
          return reply(200, { data: { _entities: entities } });
        }
        if (query.includes('reportSubject')) {
          // The citizen's name for a report being drafted (plans' CaseReport): "Test Borger" unless set.
          const id = (variables as { citizenId?: string }).citizenId ?? '';
          const subject = unknown.has(id) ? null : (names.get(id) ?? { firstName: 'Test', lastName: 'Borger' });
          return reply(200, { data: { reportSubject: subject } });
        }
        if (query.includes('knownReferences')) {
          const known = (ids: string[] = []) => ids.filter((id) => !unknown.has(id));
          return reply(200, {
            data: { knownReferences: { citizenIds: known(variables.citizenIds), staffIds: known(variables.staffIds) } },
          });
        }
        state.calls += 1;
        const ids = new Set(variables.citizenIds);
        reply(200, { data: { accessGrants: grants.filter((g) => ids.has(g.citizenId)) } });
      } catch {
        reply(401, { errors: [{ message: 'no valid assertion', extensions: { code: 'UNAUTHENTICATED' } }] });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const previous = process.env.CITIZENS_URL;
  process.env.CITIZENS_URL = url;
  return {
    url,
    assign(staff, citizenId) {
      grants.push({ citizenId, staffId: staff.id, team: staff.team ?? null });
    },
    end(staff, citizenId) {
      for (let i = grants.length - 1; i >= 0; i -= 1) {
        if (grants[i].citizenId === citizenId && grants[i].staffId === staff.id) grants.splice(i, 1);
      }
    },
    forget(id) {
      unknown.add(id);
    },
    setTargetGroup(citizenId, targetGroup) {
      targetGroups.set(citizenId, targetGroup);
    },
    setName(citizenId, firstName, lastName) {
      names.set(citizenId, { firstName, lastName });
    },
    get calls() {
      return state.calls;
    },
    async stop() {
      if (previous === undefined) delete process.env.CITIZENS_URL;
      else process.env.CITIZENS_URL = previous;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
