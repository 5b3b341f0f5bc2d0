import { fork } from 'node:child_process';
import path from 'node:path';
import type { GatewayKind, GatewayProcessRequest } from './bench-gateway-process';
import { setting } from '@jobcenter/kit/config';

export interface GatewayProcess {
  url: string;
  /** CPU time the gateway process has used so far, in ms (user + system). */
  cpuMs(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Starts a gateway of the benchmark in its own Node process, as in production: it does not
 * share an event loop with the subgraphs (which stay in the benchmark's process, so their SQL
 * statements can be counted) nor with the other gateway. Both gateways start the same way.
 * BENCH_GATEWAY_NODE_OPTIONS adds Node flags, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
 */
export function startGatewayProcess(kind: GatewayKind, options: Omit<GatewayProcessRequest, 'kind'>): Promise<GatewayProcess> {
  const execArgv = setting('BENCH_GATEWAY_NODE_OPTIONS').split(/\s+/).filter(Boolean);
  const child = fork(path.join(__dirname, 'bench-gateway-process.js'), [], { execArgv, stdio: 'inherit' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${kind} gateway process exited (${code}) before it was ready`)));
    child.once('message', (message: { url?: string; error?: string }) => {
      if (!message.url) return reject(new Error(`${kind} gateway failed to start: ${message.error}`));
      resolve({
        url: message.url,
        cpuMs: () =>
          new Promise((answer) => {
            const listener = (reply: { cpu?: NodeJS.CpuUsage }) => {
              if (!reply.cpu) return;
              child.off('message', listener);
              answer((reply.cpu.user + reply.cpu.system) / 1000);
            };
            child.on('message', listener);
            child.send('cpu');
          }),
        close: async () => {
          child.send('stop');
          await exited;
        },
      });
    });
    child.send({ kind, ...options } satisfies GatewayProcessRequest);
  });
}
