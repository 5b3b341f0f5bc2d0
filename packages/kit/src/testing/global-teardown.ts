import { rmSync } from 'node:fs';
import type { PostgresServer } from '../embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as { __JOBCENTER_PG__?: { server: PostgresServer; parent: string } }).__JOBCENTER_PG__;
  if (!started) return;
  await started.server.stop();
  rmSync(started.parent, { recursive: true, force: true });
}
