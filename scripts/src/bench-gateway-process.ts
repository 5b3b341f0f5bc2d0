/**
 * One gateway of the benchmark in a process of its own (forked by bench-gateways.ts): ours
 * or Hive Gateway, over the supergraph and subgraph URLs the parent sends. It answers with
 * its URL, and exits cleanly on "stop" (so `--cpu-prof` can write its profile).
 */
import { startGateway } from '@jobcenter/gateway/server';
import { startPeerGateway } from './peer-gateway';

export type GatewayKind = 'ours' | 'hive';

export interface GatewayProcessRequest {
  kind: GatewayKind;
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
}

// The benchmark went away (e.g. it crashed): do not linger.
process.on('disconnect', () => process.exit(0));

process.once('message', async ({ kind, supergraphSdl, subgraphUrls }: GatewayProcessRequest) => {
  try {
    // Hive reads the subgraph URLs from the supergraph; ours is told them (and <NAME>_URL).
    const running = kind === 'ours' ? await startGateway({ port: 0, supergraphSdl, subgraphUrls }) : await startPeerGateway(supergraphSdl);
    process.on('message', async (message) => {
      // CPU time used so far (µs, user + system): the gateway's own cost, whatever the machine's load.
      if (message === 'cpu') process.send!({ cpu: process.cpuUsage() });
      if (message !== 'stop') return;
      await running.close();
      process.exit(0);
    });
    process.send!({ url: running.url });
  } catch (error) {
    process.send!({ error: String((error as Error)?.stack ?? error) });
    process.exit(1);
  }
});
