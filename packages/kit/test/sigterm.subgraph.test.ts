import { spawn } from 'node:child_process';
import path from 'node:path';
import { createTestDatabase, gatewayHeadersFor, postGraphQL } from '../src/testing';
import { freePort } from '../src/testing/ports';

/** A real subgraph process under load gets SIGTERM: what a rolling update does to a pod. */
describe('SIGTERM under load', () => {
  it('finishes the requests in flight, refuses new ones, and exits by itself within a bounded time', async () => {
    const database = await createTestDatabase('sigterm');
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(__dirname, 'fixtures/slow-service.js')], {
      env: { ...process.env, SLOW_DATABASE_URL: database.url, PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const base = `http://127.0.0.1:${port}`;
      for (let i = 0; ; i += 1) {
        const ok = await fetch(`${base}/health/ready`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) break;
        if (i > 200) throw new Error('the service did not become ready');
        await new Promise((r) => setTimeout(r, 50));
      }
      const headers = await gatewayHeadersFor({ id: 'x', role: 'CASEWORKER', name: 'X', team: 'T' });
      const inFlight = Array.from({ length: 20 }, (_, i) => postGraphQL(`${base}/graphql`, `{ slow(ms: ${600 + i * 10}) }`, {}, headers));
      // SIGTERM only once all 20 are being served (a fixed delay raced them on a loaded machine).
      for (let i = 0; (await postGraphQL(`${base}/graphql`, '{ slowStarted }', {}, headers)).data?.slowStarted < 20; i += 1) {
        if (i > 200) throw new Error('the requests never reached the service');
        await new Promise((r) => setTimeout(r, 10));
      }
      const signalledAt = Date.now();
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 100));
      await expect(postGraphQL(`${base}/graphql`, '{ slow(ms: 1) }', {}, headers)).rejects.toThrow();

      const answers = await Promise.all(inFlight);
      expect(answers.map((a) => a.data?.slow)).toEqual(Array(20).fill('done'));
      expect(await exited).toBe(0);
      expect(Date.now() - signalledAt).toBeLessThan(10_000);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await database.drop();
    }
  });

  it('a request that never ends does not keep the process alive past SHUTDOWN_TIMEOUT_MS', async () => {
    const database = await createTestDatabase('sigterm');
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(__dirname, 'fixtures/slow-service.js')], {
      env: { ...process.env, SLOW_DATABASE_URL: database.url, PORT: String(port), LOG_LEVEL: 'warn', SHUTDOWN_TIMEOUT_MS: '800' },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const base = `http://127.0.0.1:${port}`;
      for (
        let i = 0;
        !(await fetch(`${base}/health/ready`).then(
          (r) => r.ok,
          () => false,
        ));
        i += 1
      ) {
        if (i > 200) throw new Error('the service did not become ready');
        await new Promise((r) => setTimeout(r, 50));
      }
      const headers = await gatewayHeadersFor({ id: 'x', role: 'CASEWORKER', name: 'X', team: 'T' });
      const stuck = postGraphQL(`${base}/graphql`, '{ slow(ms: 60000) }', {}, headers).catch(() => 'cut off');
      await new Promise((r) => setTimeout(r, 200));
      const signalledAt = Date.now();
      child.kill('SIGTERM');
      expect(await exited).toBe(1);
      expect(Date.now() - signalledAt).toBeLessThan(3_000);
      expect(await stuck).toBe('cut off');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await database.drop();
    }
  });
});
