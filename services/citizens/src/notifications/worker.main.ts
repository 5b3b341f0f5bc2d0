import 'reflect-metadata';
import { createDataSource, createLogger, onShutdownSignal, openDatabase } from '@jobcenter/kit';
import { settingOf, databaseUrlSetting } from '@jobcenter/kit/config';
import { citizensSubgraph } from '../server';
import { channelsFromConfig } from './channels';
import { startNotificationCentre } from './notification-centre';

/**
 * The notification centre as a process of its own (`node services/citizens/dist/src/notifications/worker.main.js`):
 * it turns the meetings, plans and citizens events into notices and delivers the due ones from the
 * citizens database. Any number may run side by side (events are de-duplicated by id, rows are
 * claimed with SKIP LOCKED); killing one loses nothing.
 */
async function main() {
  const logger = createLogger('notifications');
  const url = settingOf('CITIZENS_DATABASE_URL', databaseUrlSetting('citizens'));
  if (!url) throw new Error('CITIZENS_DATABASE_URL is not set: the worker needs the citizens database.');
  const dataSource = createDataSource({ url, entities: citizensSubgraph.entities, migrations: citizensSubgraph.migrations, logger });
  await openDatabase(dataSource);
  const running = startNotificationCentre({ dataSource, channels: channelsFromConfig(), logger });
  logger.info('notification centre running: event consumer and delivery worker');
  onShutdownSignal(logger, async () => {
    await running.stop();
    await dataSource.destroy();
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
