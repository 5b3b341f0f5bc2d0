/**
 * Writes a migration with the SQL that brings a service's database in line with its entities:
 *   pnpm migration:generate <service> <Name>
 * It applies the existing migrations to a scratch database and asks TypeORM what is missing,
 * so a reviewed migration file (never `synchronize`) is the only way the schema changes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  createDataSource,
  defaultEmbeddedOptions,
  dropDatabase,
  ensureDatabase,
  openDatabase,
  projectRoot,
  startEmbeddedPostgres,
  withDatabase,
} from '@jobcenter/kit';
import { commandLine } from './cli';
import { serviceDir, subgraphs } from './services';
import { setting } from '@jobcenter/kit/config';

async function main() {
  const { positionals } = commandLine(
    `npm run migration:generate -- <${subgraphs.map((s) => s.name).join('|')}> <PascalCaseName>`,
    {},
    {
      positionals: 2,
      check: ({ positionals: [s, n] }) =>
        !subgraphs.some((d) => d.name === s)
          ? `unknown service: ${s ?? '(none)'}`
          : !n || !/^[A-Z][A-Za-z0-9]+$/.test(n)
            ? 'the name: PascalCase, e.g. AddPlanNotes'
            : undefined,
    },
  );
  const [service, name] = positionals;
  const definition = subgraphs.find((s) => s.name === service)!;
  const given = setting('DATABASE_URL');
  const server = given ? { adminUrl: given, stop: async () => undefined } : await startEmbeddedPostgres(defaultEmbeddedOptions());
  const scratch = `scratch_${service}_${Date.now()}`;
  await ensureDatabase(server.adminUrl, scratch);
  const dataSource = createDataSource({
    url: withDatabase(server.adminUrl, scratch),
    entities: definition.entities,
    migrations: definition.migrations,
  });
  try {
    await openDatabase(dataSource);
    const sql = await dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      console.log(`${service}: entities and migrations agree; nothing to generate.`);
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const quote = (q: { query: string }) =>
      `    await queryRunner.query(\`${q.query.replace(/[`\\]/g, (c) => `\\${c}`).replace(/\$\{/g, '\\${')}\`);`;
    const file = path.join(projectRoot(), serviceDir(service), 'src/migrations', `${timestamp}-${name}.ts`);
    writeFileSync(
      file,
      `import { MigrationInterface, QueryRunner } from 'typeorm';\n\n` +
        `export class ${className} implements MigrationInterface {\n` +
        `  name = '${className}';\n\n` +
        `  public async up(queryRunner: QueryRunner): Promise<void> {\n${sql.upQueries.map(quote).join('\n')}\n  }\n\n` +
        `  public async down(queryRunner: QueryRunner): Promise<void> {\n${sql.downQueries.reverse().map(quote).join('\n')}\n  }\n}\n`,
    );
    console.log(`wrote ${path.relative(projectRoot(), file)}; add ${className} to src/migrations/index.ts`);
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await dropDatabase(server.adminUrl, scratch);
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
