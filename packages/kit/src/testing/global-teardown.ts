export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __JOBCENTER_PG__?: { stop(): Promise<void> } }).__JOBCENTER_PG__;
  await server?.stop();
}
