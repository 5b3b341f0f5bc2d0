import { onShutdownSignal } from '@jobcenter/kit/http';
import { createLogger } from '@jobcenter/kit/logger';
import { initTracing } from '@jobcenter/kit/observability';
import { startGateway } from './server';

const logger = createLogger('gateway');
if (initTracing()) logger.info({ endpoint: process.env.OTEL_EXPORTER_OTLP_ENDPOINT }, 'tracing on (OTLP)');
startGateway({ port: Number(process.env.PORT ?? 4000), logger })
  .then((running) => {
    logger.info({ url: running.url, workbench: new URL('/', running.url).toString() }, 'gateway ready');
    onShutdownSignal(logger, running.close);
  })
  .catch((error) => {
    logger.error({ err: error }, 'gateway failed to start');
    process.exit(1);
  });
