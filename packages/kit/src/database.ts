import { DataSource, DefaultNamingStrategy, Logger as OrmLogger, MixedList, EntitySchema, NamingStrategyInterface } from 'typeorm';
import { snakeCase } from 'typeorm/util/StringUtils';
import type { Logger } from 'pino';
import { DATABASE_TIMEOUTS, guardPoolClients, runMigrationsLocked, traceQueries } from './migration-lock';
import { defaultEmbeddedOptions, ensureDatabase, PostgresServer, startEmbeddedPostgres, withDatabase } from './embedded-postgres';
import { ConfigError, databaseUrlSetting, setting, settingOf } from './config';

/** Column and table names in snake_case, so SQL reads as SQL. */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override tableName(className: string, customName?: string): string {
    return customName ?? snakeCase(className);
  }
  override columnName(propertyName: string, customName: string | undefined, prefixes: string[]): string {
    return snakeCase(prefixes.join('_')) + (customName ?? snakeCase(propertyName));
  }
  override relationName(propertyName: string): string {
    return snakeCase(propertyName);
  }
  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return snakeCase(`${relationName}_${referencedColumnName}`);
  }
  override joinTableColumnName(tableName: string, propertyName: string, columnName?: string): string {
    return snakeCase(`${tableName}_${columnName ?? propertyName}`);
  }
}

/**
 * Counts the SQL statements a DataSource sends. Tests read it to prove that a batch costs a
 * constant number of statements (DataLoader), and it logs each statement at `trace` level.
 */
export class StatementCounter implements OrmLogger {
  count = 0;
  constructor(private readonly logger?: Logger) {}
  logQuery(query: string, parameters?: unknown[]): void {
    this.count += 1;
    this.logger?.trace({ sql: query, parameters }, 'sql');
  }
  logQueryError(error: string | Error, query: string): void {
    this.logger?.warn({ err: error, sql: query }, 'sql error');
  }
  logQuerySlow(time: number, query: string): void {
    this.logger?.warn({ ms: time, sql: query }, 'slow sql');
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.logger?.info({ migration: message }, 'migration');
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger?.warn({ typeorm: message });
  }
}

export interface DatabaseOptions {
  url: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  logger?: Logger;
  poolSize?: number;
}

/**
 * A PostgreSQL DataSource over exactly the entities and migrations given. Subgraphs and scripts
 * use `createDataSource` (parts.ts), which adds the kit parts' own tables.
 */
export function createPostgresDataSource(options: DatabaseOptions): DataSource & { statements: StatementCounter } {
  const statements = new StatementCounter(options.logger);
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install or to be allowed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    // Never synchronize: the schema changes only through reviewed migrations.
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    logger: statements,
    maxQueryExecutionTime: 1000,
    // Fail fast when PostgreSQL is away or stuck, rather than hang a request (see docs/running.md, faults).
    connectTimeoutMS: DATABASE_TIMEOUTS.connectMs,
    extra: {
      max: options.poolSize ?? 10,
      statement_timeout: DATABASE_TIMEOUTS.statementMs,
      query_timeout: DATABASE_TIMEOUTS.statementMs + 1000,
      idle_in_transaction_session_timeout: DATABASE_TIMEOUTS.idleInTransactionMs,
    },
  });
  traceQueries(dataSource);
  return Object.assign(dataSource, { statements });
}

/** Opens the DataSource and applies pending migrations, under the migration lock. */
export async function openDatabase(dataSource: DataSource): Promise<void> {
  await dataSource.initialize();
  guardPoolClients(dataSource);
  await runMigrationsLocked(dataSource);
}

export interface ResolvedDatabase {
  url: string;
  /** The embedded server this process started, if any; stop it on shutdown. */
  embedded?: PostgresServer;
}

/**
 * Where a service's database lives:
 * 1. `<SERVICE>_DATABASE_URL` (e.g. CITIZENS_DATABASE_URL): used as it is;
 * 2. `DATABASE_URL`: that server, with the service's own database `jobcenter_<service>`;
 * 3. neither: the project's embedded PostgreSQL (started if not already running), same naming.
 */
export async function resolveDatabase(service: string, logger?: Logger): Promise<ResolvedDatabase> {
  const own = settingOf(`${service.toUpperCase()}_DATABASE_URL`, databaseUrlSetting(service));
  if (own) return { url: own };
  const database = `jobcenter_${service}`;
  const shared = setting('DATABASE_URL');
  if (shared) {
    await ensureDatabase(shared, database);
    return { url: withDatabase(shared, database) };
  }
  if (setting('NODE_ENV') === 'production') {
    throw new ConfigError([`${service.toUpperCase()}_DATABASE_URL (or DATABASE_URL) must be set in production`], service);
  }
  const embedded = await startEmbeddedPostgres(defaultEmbeddedOptions(logger));
  await ensureDatabase(embedded.adminUrl, database);
  return { url: withDatabase(embedded.adminUrl, database), embedded };
}

/** True for PostgreSQL's unique_violation (23505), optionally on one named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e?.driverError?.code ?? e?.code;
  const name = e?.driverError?.constraint ?? e?.constraint;
  return code === '23505' && (constraint === undefined || name === constraint);
}
