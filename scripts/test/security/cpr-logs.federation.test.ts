import { randomUUID } from 'node:crypto';
import { printSubgraphSchema } from '@apollo/subgraph';
import { citizensSubgraph } from '@jobcenter/citizens';
import { composeFromSchemas } from '@jobcenter/gateway/compose';
import { startGateway } from '@jobcenter/gateway/server';
import { Actor, createLogger, RunningHttpServer } from '@jobcenter/kit';
import { bearerFor, errorCode, postGraphQL, startTestSubgraph, TestSubgraph } from '@jobcenter/kit/testing';

/**
 * CPR numbers through the gateway: whatever a client sends, valid or not, and whatever fails
 * inside, neither the gateway's log nor the citizens service's log holds the number, and no
 * error message repeats it back.
 */
const logs = { gateway: [] as string[], citizens: [] as string[] };
const capture = (name: keyof typeof logs) =>
  createLogger(name, { level: 'trace', destination: { write: (line: string) => void logs[name].push(line) } });
const teamLead: Actor = { id: randomUUID(), role: 'TEAM_LEAD', name: 'Lone Friis', team: 'Team Logs' };
const CPR = '150385-2468';
const DIGITS = '1503852468';

let citizens: TestSubgraph;
let gateway: RunningHttpServer;

beforeAll(async () => {
  citizens = await startTestSubgraph(citizensSubgraph, { logger: capture('citizens') });
  gateway = await startGateway({
    port: 0,
    logger: capture('gateway'),
    supergraphSdl: composeFromSchemas([{ name: 'citizens', url: citizens.url, sdl: printSubgraphSchema(citizens.schema) }]),
    subgraphUrls: { citizens: citizens.url },
  });
});
afterAll(async () => {
  await gateway.close();
  await citizens.stop();
});

const send = async (query: string, variables: Record<string, unknown>) =>
  postGraphQL(gateway.url, query, variables, await bearerFor(teamLead));
const REGISTER = `mutation Register($input: RegisterCitizenInput!) { registerCitizen(input: $input) { id cpr } }`;
const SEARCH = `query Search($cpr: String!) { citizenByCpr(cpr: $cpr) { id cpr firstName } }`;

it('is in neither log, nor repeated back in an error, whatever is sent', async () => {
  const input = { cpr: CPR, firstName: 'Log', lastName: 'Test', targetGroup: 'JOB_READY' };
  const answers = [];
  const registered = await send(REGISTER, { input });
  expect(registered.errors).toBeUndefined();
  answers.push(registered);
  answers.push(await send(REGISTER, { input: { ...input, cpr: DIGITS } }));
  expect(errorCode(answers[1])).toBe('CONFLICT');
  answers.push(await send(REGISTER, { input: { cpr: CPR, firstName: 'Log' } }));
  answers.push(await send(REGISTER, { input: { ...input, cpr: Number(DIGITS) } }));
  answers.push(
    await send(
      `mutation { registerCitizen(input: { cpr: "${CPR}", firstName: "Log", lastName: "X", targetGroup: NOT_A_GROUP }) { id } }`,
      {},
    ),
  );
  answers.push(await send(REGISTER, { input: { ...input, cpr: '310285-2468' } }));
  for (const cpr of [CPR, DIGITS]) {
    const found = await send(SEARCH, { cpr });
    expect(found.errors).toBeUndefined();
    expect(found.data.citizenByCpr.id).toBe(registered.data.registerCitizen.id);
  }
  // A value that no longer decrypts: an internal error, logged in full by the service.
  await citizens.dataSource.query(`UPDATE citizen SET cpr_encrypted = 'garbage' WHERE id = $1`, [registered.data.registerCitizen.id]);
  const broken = await send(SEARCH, { cpr: CPR });
  expect(errorCode(broken)).toBe('INTERNAL_SERVER_ERROR');
  answers.push(broken);

  expect(answers.slice(2).every((a) => a.errors?.length)).toBe(true);
  for (const answer of answers.slice(1)) {
    expect(JSON.stringify(answer.errors)).not.toContain(DIGITS);
    expect(JSON.stringify(answer.errors)).not.toContain('2468');
  }
  const gatewayLog = logs.gateway.join('');
  const citizensLog = logs.citizens.join('');
  expect(gatewayLog).toContain('graphql request');
  expect(citizensLog).toContain('internal error masked for the client');
  for (const log of [gatewayLog, citizensLog]) {
    expect(log).not.toContain(CPR);
    expect(log).not.toContain(DIGITS);
    // The serial as a number of its own; a log line's time (1796614324683) may hold the digits.
    expect(log).not.toMatch(/(?<![0-9])2468(?![0-9])/);
  }
});
