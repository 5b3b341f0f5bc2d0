/**
 * Rebuilds insights' read model from scratch: empties the fact tables and the consumer's
 * bookkeeping (processed_event, event_cursor) in insights' database, then replays every event of
 * the four subgraphs' feeds from the start, and reports the time and the events per source:
 *   npm run insights:rebuild
 * The feeds are read at CITIZENS_URL, PLANS_URL, MEETINGS_URL, PLACEMENTS_URL (default: the local
 * ports of `npm start`); the database is found as the service finds it. Stop the insights service
 * first (or it keeps consuming beside the rebuild; the cursor lock keeps the two from doubling).
 * Pages of 1000 (the feed's most), handled set-based, the next page fetched while one is written,
 * the four sources side by side. It prints the machine's load average too: the rate depends on it.
 */
import { loadavg } from 'node:os';
import { createDataSource, openDatabase, resolveDatabase } from '@jobcenter/kit';
import { insightsSubgraph } from '@jobcenter/insights';
import { createFactsConsumer, EVENT_SOURCES, eventSourceUrls } from '@jobcenter/insights/facts/consumer';
import { commandLine } from './cli';

const LOCAL_PORTS: Record<(typeof EVENT_SOURCES)[number], number> = { citizens: 4001, plans: 4002, meetings: 4003, placements: 4004 };

async function main() {
  commandLine('npm run insights:rebuild', {});
  const database = await resolveDatabase('insights');
  const dataSource = createDataSource({ url: database.url, entities: insightsSubgraph.entities, migrations: insightsSubgraph.migrations });
  await openDatabase(dataSource);
  try {
    const configured = eventSourceUrls();
    const urls = Object.fromEntries(
      EVENT_SOURCES.map((name) => [name, configured[name] ?? `http://127.0.0.1:${LOCAL_PORTS[name]}/graphql`]),
    );
    const load = () =>
      loadavg()
        .map((l) => l.toFixed(1))
        .join(' ');
    const loadBefore = load();
    const started = Date.now();
    await insightsSubgraph.resetReadModel!(dataSource);
    const consumer = createFactsConsumer(dataSource, urls, { batchSize: 1000 });
    const events = await consumer.drain();
    const seconds = (Date.now() - started) / 1000;
    const [{ citizens }] = await dataSource.query(`SELECT COUNT(*)::int AS citizens FROM insights_citizen`);
    const size = async (where: string): Promise<number> => {
      const [{ bytes }] = await dataSource.query(
        `SELECT COALESCE(SUM(pg_total_relation_size(quote_ident(tablename))), 0)::bigint AS bytes FROM pg_tables WHERE schemaname = 'public' AND ${where}`,
      );
      return Number(bytes);
    };
    const [facts, bookkeeping] = [
      await size(`tablename LIKE 'insights\\_%'`),
      await size(`tablename IN ('processed_event', 'event_cursor')`),
    ];
    const perSource: { source: string; events: string }[] = await dataSource.query(
      `SELECT source, events FROM insights_source ORDER BY source`,
    );
    const perCitizen = (bytes: number) => (citizens ? Math.round(bytes / citizens) : 0);
    console.log(
      `insights:rebuild: ${events} events replayed in ${seconds.toFixed(1)} s (${Math.round(events / Math.max(seconds, 0.001))}/s) ` +
        `[${perSource.map((s) => `${s.source} ${s.events}`).join(', ')}]; ${citizens} citizens; ` +
        `fact tables ${(facts / 1e6).toFixed(1)} MB (${perCitizen(facts)} bytes per citizen), ` +
        `processed_event ${(bookkeeping / 1e6).toFixed(1)} MB (${perCitizen(bookkeeping)} bytes per citizen); ` +
        `load average (1, 5, 15 min) ${loadBefore} before, ${load()} after`,
    );
  } finally {
    await dataSource.destroy();
    await database.embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
