/**
 * Writes docs/configuration.md, the table of every environment variable, from the kit's
 * SETTINGS and the subgraph definitions (whose `calls` say who reads each `<NAME>_URL`).
 *   npm run docs:config            rewrite the file
 *   npm run docs:config -- --check exit 1 if the file is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { configMarkdown } from '@jobcenter/kit/config';
import { commandLine } from './cli';
import { subgraphs } from './services';

export const CONFIGURATION_DOC = path.resolve(__dirname, '../../../docs/configuration.md');
export const configurationDoc = () => configMarkdown(subgraphs);

if (require.main === module) {
  const { values } = commandLine('npm run docs:config [-- --check]', { check: { type: 'boolean', default: false } });
  if (values.check) {
    const stale = readFileSync(CONFIGURATION_DOC, 'utf8') !== configurationDoc();
    if (stale) console.error('docs/configuration.md is stale: run npm run docs:config');
    process.exit(stale ? 1 : 0);
  }
  writeFileSync(CONFIGURATION_DOC, configurationDoc());
  console.log(`wrote ${path.relative(process.cwd(), CONFIGURATION_DOC)}`);
}
