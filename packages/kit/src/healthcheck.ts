/**
 * The container image's HEALTHCHECK: exits 0 when the service on this container answers
 * `/health/ready`, 1 otherwise (within 2 s). The port is PORT, else the image's default
 * (written to `.default-port` when the image is built).
 *   node node_modules/@jobcenter/kit/dist/src/healthcheck.js
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setting } from './config';

function defaultPort(): number | undefined {
  try {
    return Number(readFileSync(path.join(process.cwd(), '.default-port'), 'utf8').trim()) || undefined;
  } catch {
    return undefined;
  }
}

const port = setting('PORT') ?? defaultPort();
if (!port) {
  console.error('healthcheck: no PORT and no .default-port');
  process.exit(1);
}
fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(2_000) }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  () => process.exit(1),
);
