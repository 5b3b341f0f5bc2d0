import 'reflect-metadata';
import { createDataSource, createLogger, onShutdownSignal, openDatabase } from '@jobcenter/kit';
import { setting, settingOf, databaseUrlSetting } from '@jobcenter/kit/config';
import { citizensSubgraph } from '../server';
import { channelsFromConfig } from './channels';
import { notificationWorker } from './notification.worker';

/**
 * The notification worker as a process of its own (`node services/citizens/dist/src/notifications/worker.main.js`):
 * it delivers due notices from the citizens database. Any number may run side by side (rows are
 * claimed with SKIP LOCKED); killing one loses nothing.
 */
async function main() {
  const logger = createLogger('notifications');
  const url = settingOf('CITIZENS_DATABASE_URL', databaseUrlSetting('citizens'));
  if (!url) throw new Error('CITIZENS_DATABASE_URL is not set: the worker needs the citizens database.');
  const dataSource = createDataSource({ url, entities: citizensSubgraph.entities, migrations: citizensSubgraph.migrations, logger });
  await openDatabase(dataSource);
  const worker = notificationWorker({
    dataSource,
    channels: channelsFromConfig(),
    workbenchUrl: setting('NOTIFY_WORKBENCH_URL'),
    maxAttempts: setting('NOTIFY_MAX_ATTEMPTS'),
    retryBaseMs: setting('NOTIFY_RETRY_BASE_MS'),
    logger,
  });
  const running = worker.start(setting('NOTIFY_POLL_MS'));
  logger.info('notification worker running');
  onShutdownSignal(logger, async () => {
    await running.stop();
    await dataSource.destroy();
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
