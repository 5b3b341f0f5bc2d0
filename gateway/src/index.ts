import { checkConfigOrExit, setting } from '@jobcenter/kit/config';
import { onShutdownSignal } from '@jobcenter/kit/http';
import { createLogger } from '@jobcenter/kit/logger';
import { initTracing } from '@jobcenter/kit/observability';
import { startGateway } from './server';
import { SUBGRAPHS } from './subgraphs';

checkConfigOrExit({ service: 'gateway', kind: 'gateway', subgraphUrls: SUBGRAPHS.map((s) => s.name), subgraphUrlsRequired: 'production' });
const logger = createLogger('gateway');
if (initTracing({ service: 'gateway' })) logger.info({ endpoint: setting('OTEL_EXPORTER_OTLP_ENDPOINT') }, 'tracing on (OTLP)');
startGateway({ port: setting('PORT') ?? 4000, logger })
  .then((running) => {
    logger.info({ url: running.url, workbench: new URL('/', running.url).toString() }, 'gateway ready');
    onShutdownSignal(logger, running.close);
  })
  .catch((error) => {
    logger.error({ err: error }, 'gateway failed to start');
    process.exit(1);
  });
