// Writes dist/operations.json: the names of the workbench's GraphQL operations. The gateway
// labels these by name in its metrics (every other name is "other"); a gateway image has the
// workbench's build but not its sources, so the build carries the list.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse } from 'graphql';

const web = fileURLToPath(new URL('..', import.meta.url));
const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.graphql') ? [path.join(dir, e.name)] : [],
  );
const names = files(path.join(web, 'src'))
  .flatMap((file) => parse(readFileSync(file, 'utf8')).definitions)
  .flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : []))
  .sort();
writeFileSync(path.join(web, 'dist', 'operations.json'), `${JSON.stringify(names, null, 2)}\n`);
console.log(`operations.json: ${names.length} operations`);
