import type { DataSource } from 'typeorm';
import { emptyConsumerReadModel } from '@jobcenter/kit';

/**
 * Empties insights' whole read model, every `insights_*` table, with the consumer's bookkeeping
 * (processed_event, event_cursor): afterwards the consumer reads every feed from the start
 * (insights:rebuild; seed:scale, which replaces the events the facts came from).
 */
export async function emptyReadModel(dataSource: DataSource): Promise<void> {
  const tables: { tablename: string }[] = await dataSource.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'insights\\_%'`,
  );
  await emptyConsumerReadModel(
    dataSource,
    tables.map((t) => t.tablename),
  );
}
