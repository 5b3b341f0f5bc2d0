import type { DataSource } from 'typeorm';

const DEADLOCK = '40P01';

/**
 * Empties a feed consumer's read model (`tables`) with its bookkeeping (`event_cursor`,
 * `processed_event`), in one transaction, so the consumer reads its sources from the start
 * (seed:scale after replacing the producers' outboxes; insights:rebuild). Safe while the
 * consumer runs: `event_cursor` is locked first, and every consumer transaction locks it first
 * too, so a page in flight finishes before the tables go and the next waits (then finds its
 * cursor gone and reads again from the start). Another writer (a request keeping a computed
 * month, say) can still meet the TRUNCATE in the other lock order; PostgreSQL then aborts one
 * side as a deadlock, and this side tries again.
 */
export async function emptyConsumerReadModel(dataSource: DataSource, tables: string[], attempts = 5): Promise<void> {
  const all = ['event_cursor', 'processed_event', ...tables.filter((t) => t !== 'event_cursor' && t !== 'processed_event')];
  for (let attempt = 1; ; attempt += 1) {
    try {
      await dataSource.transaction(async (tx) => {
        await tx.query(`LOCK TABLE "event_cursor" IN ACCESS EXCLUSIVE MODE`);
        await tx.query(`TRUNCATE ${all.map((t) => `"${t}"`).join(', ')}`);
      });
      return;
    } catch (error) {
      const e = error as { code?: string; driverError?: { code?: string } };
      if ((e.driverError?.code ?? e.code) !== DEADLOCK || attempt >= attempts) throw error;
    }
  }
}
