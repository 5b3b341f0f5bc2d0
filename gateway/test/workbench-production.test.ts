import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunningHttpServer } from '@jobcenter/kit/http';
import { devSignInLines, devSignInUrl } from '../src/session';
import { startGateway } from '../src/server';

/**
 * With NODE_ENV=production the development sign-in does not exist and GraphiQL is off unless
 * GRAPHQL_EXPLORER=true; the pages still answer. Gateways without subgraphs: nothing here
 * reaches one.
 */
const saved = { ...process.env };
let built: string;
let empty: string;

beforeAll(() => {
  built = mkdtempSync(path.join(tmpdir(), 'workbench-'));
  writeFileSync(path.join(built, 'index.html'), '<!doctype html><title>Arbejdsbord</title>');
  writeFileSync(path.join(built, 'graphiql.html'), '<!doctype html><title>GraphiQL</title>');
  empty = mkdtempSync(path.join(tmpdir(), 'workbench-unbuilt-'));
});
afterAll(() => {
  rmSync(built, { recursive: true, force: true });
  rmSync(empty, { recursive: true, force: true });
});
afterEach(() => {
  process.env = { ...saved };
});

async function gatewayWith(env: Record<string, string>, workbenchDir: string): Promise<{ origin: string; gateway: RunningHttpServer }> {
  Object.assign(process.env, env);
  const gateway = await startGateway({ port: 0, workbenchDir });
  return { origin: `http://127.0.0.1:${gateway.port}`, gateway };
}

const production = {
  NODE_ENV: 'production',
  AUTH_JWT_SECRET: 'production-test-auth-secret-0123456789abcdef',
  GATEWAY_ASSERTION_SECRET: 'production-test-gateway-secret-0123456789abcdef',
};
const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('the workbench in production', () => {
  it('has no development sign-in routes and no GraphiQL, but serves the pages and the session route', async () => {
    const { origin, gateway } = await gatewayWith(production, built);
    try {
      const link = new URL(await devSignInUrl(origin, { id: 'x', role: 'ANALYST', name: 'Karin Dahl', team: 'Team Ryslinge' }));
      const signIn = await fetch(link, { redirect: 'manual' });
      expect(signIn.status).toBe(404);
      expect(signIn.headers.get('set-cookie')).toBeNull();
      expect((await fetch(`${origin}/auth/dev/users`)).status).toBe(404);
      expect(await devSignInLines(`${origin}/`)).toEqual([]);
      // Neither GraphiQL nor Apollo's landing page from its CDN.
      const explorer = await fetch(`${origin}/graphql`, { headers: html });
      expect(explorer.status).toBe(404);
      expect(await explorer.text()).not.toMatch(/apollo|graphiql/i);
      expect((await fetch(`${origin}/graphiql.html`, { headers: html })).status).toBe(404);
      expect((await fetch(`${origin}/auth/session`)).status).toBe(401);
      const page = await fetch(`${origin}/my-day`, { headers: html });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Arbejdsbord');
    } finally {
      await gateway.close();
    }
  });

  it('serves GraphiQL with GRAPHQL_EXPLORER=true', async () => {
    const { origin, gateway } = await gatewayWith({ ...production, GRAPHQL_EXPLORER: 'true' }, built);
    try {
      const explorer = await fetch(`${origin}/graphql`, { headers: html });
      expect(explorer.status).toBe(200);
      expect(await explorer.text()).toContain('<title>GraphiQL</title>');
      expect((await fetch(`${origin}/auth/dev/users`)).status).toBe(404);
    } finally {
      await gateway.close();
    }
  });
});

describe('a workbench that is not built', () => {
  it('answers / with how to build it rather than a 404', async () => {
    const { origin, gateway } = await gatewayWith({}, empty);
    try {
      const res = await fetch(`${origin}/`, { headers: html });
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/not built.*npm run build/);
      const explorer = await fetch(`${origin}/graphql`, { headers: html });
      expect(explorer.status).toBe(200);
      expect(await explorer.text()).toMatch(/GraphiQL is not built/);
    } finally {
      await gateway.close();
    }
  });
});
