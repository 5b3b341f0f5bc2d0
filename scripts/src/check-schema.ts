/**
 * `npm run check:schema -- [--subgraph <name> [--schema <file>]]`: checks a subgraph's schema
 * before merge (see schema-check.ts). Without --schema the SDL is printed from the service's
 * code (after `npm run build`); without --subgraph every subgraph is checked in turn. Exits 1
 * when any check fails, 2 on a usage error.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import { buildSubgraphSchemaOf, projectRoot } from '@jobcenter/kit';
import { SUBGRAPHS } from '@jobcenter/gateway/subgraphs';
import { checkSubgraphSchema, formatReport } from './schema-check';

const USAGE = 'usage: npm run check:schema -- [--subgraph <name> [--schema <file.graphql>]]';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  if (index < 0) return undefined;
  const value = process.argv[index + 1];
  if (!value || value.startsWith('--')) throw new Error(`${name} needs a value\n${USAGE}`);
  return value;
}

/** The subgraph's SDL as its code prints it now (loads every service: only when needed). */
async function printedFromCode(name: string): Promise<string> {
  const { subgraphs }: typeof import('./services') = await import('./services.js');
  const definition = subgraphs.find((s) => s.name === name);
  if (!definition) throw new Error(`scripts/src/services.ts has no subgraph "${name}"`);
  return `${printSubgraphSchema(await buildSubgraphSchemaOf(definition))}\n`;
}

async function main(): Promise<number> {
  const subgraph = argument('--subgraph');
  const schemaFile = argument('--schema');
  if (schemaFile && !subgraph) throw new Error(`--schema needs --subgraph\n${USAGE}`);
  const names = subgraph ? [subgraph] : SUBGRAPHS.map((s) => s.name);
  const unknown = names.find((n) => !SUBGRAPHS.some((s) => s.name === n));
  if (unknown) throw new Error(`Unknown subgraph "${unknown}"; the gateway composes ${SUBGRAPHS.map((s) => s.name).join(', ')}.`);

  let failed = 0;
  for (const name of names) {
    const input = schemaFile
      ? { subgraph: name, sdl: readFileSync(path.resolve(schemaFile), 'utf8'), origin: `schema from ${schemaFile}` }
      : { subgraph: name, sdl: await printedFromCode(name), origin: 'schema printed from its code' };
    const result = await checkSubgraphSchema({ root: projectRoot(), subgraphs: SUBGRAPHS }, input);
    console.log(formatReport(result));
    if (!result.ok) failed++;
  }
  console.log(failed ? `check:schema: ${failed} of ${names.length} subgraph(s) FAILED` : `check:schema: ${names.length} subgraph(s) ok`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(2);
  },
);
