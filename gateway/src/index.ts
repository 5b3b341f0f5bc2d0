import { onShutdownSignal } from '@jobcenter/kit/http';
import { createLogger } from '@jobcenter/kit/logger';
import { startGateway } from './server';

const logger = createLogger('gateway');
startGateway({ port: Number(process.env.PORT ?? 4000), logger })
  .then((running) => {
    logger.info({ url: running.url }, 'gateway ready');
    onShutdownSignal(logger, running.close);
  })
  .catch((error) => {
    logger.error({ err: error }, 'gateway failed to start');
    process.exit(1);
  });
