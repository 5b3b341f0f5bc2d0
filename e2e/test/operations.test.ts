import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { apiSchema, graphqlFiles, operationProblems, WEB_SRC } from '../src/operations';

/**
 * Every GraphQL operation of the workbench (web/src/**\/*.graphql) validates against the composed
 * supergraph: a subgraph change that would break a view fails here, in CI, not in a browser.
 */
const schema = apiSchema();
const files = graphqlFiles();

describe("the workbench's operations", () => {
  it('are found', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [path.relative(WEB_SRC, f), f]))('%s validates against gateway/supergraph.graphql', (_name, file) => {
    expect(operationProblems(schema, readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('have names unique across the workbench (the generated types are named after them)', () => {
    const nameOf = (d: { name?: { value: string } }) => d.name?.value ?? '(anonymous)';
    const names = files.flatMap((f) => parse(readFileSync(f, 'utf8')).definitions.map((d) => nameOf(d as never)));
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    expect(names).not.toContain('(anonymous)');
  });

  it('would notice a field the supergraph no longer has', () => {
    const problems = operationProblems(schema, 'query Gone($id: ID!) { citizen(id: $id) { id shoeSize } }');
    expect(problems).toEqual([expect.stringMatching(/shoeSize/)]);
  });
});
