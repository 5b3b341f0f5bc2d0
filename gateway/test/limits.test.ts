import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { GATEWAY_LIMITS, operationLimitRules } from '../src/limits';
import { workbenchOperations } from '../src/operations';
import { gatewayRoot, SUPERGRAPH_FILE } from '../src/subgraphs';
import { aliasesThroughFragments, deepThroughFragments, doublingFragments } from './builders';

/**
 * The gateway's operation limits on their own, against the composed schema: what the clients
 * send passes, and fragments (spread inside fragments, spread twice) hide nothing from them.
 */
const schema = buildSchema(readFileSync(SUPERGRAPH_FILE, 'utf8'));
const errorsOf = (query: string) => validate(schema, parse(query), [...specifiedRules, ...operationLimitRules()]).map((e) => e.message);

describe('the operations clients run', () => {
  const folder = path.join(gatewayRoot, 'operations');
  const files = readdirSync(folder).filter((f) => f.endsWith('.graphql'));

  it('finds them', () => expect(files.length).toBeGreaterThanOrEqual(4));

  it.each(files)('%s is within every limit', (file) => {
    expect(errorsOf(readFileSync(path.join(folder, file), 'utf8'))).toEqual([]);
  });

  // The workbench's operations are refused like anyone's if they grow past a limit.
  const workbench = workbenchOperations();
  it('finds the workbench operations', () => expect(workbench.length).toBeGreaterThanOrEqual(10));

  it.each(workbench.map((o) => [o.name, o.document] as const))('the workbench operation %s is within every limit', (_name, document) => {
    expect(validate(schema, document, [...specifiedRules, ...operationLimitRules()]).map((e) => e.message)).toEqual([]);
  });
});

describe('limits that fragments cannot get around', () => {
  it('refuses depth 23 reached through fragments spread inside fragments', () => {
    expect(errorsOf(deepThroughFragments(23))).toContainEqual(expect.stringMatching(/depth limit of 8 exceeded, found 23/));
  });

  it(`takes depth ${GATEWAY_LIMITS.maxDepth} through fragments and refuses ${GATEWAY_LIMITS.maxDepth + 1}`, () => {
    expect(errorsOf(deepThroughFragments(GATEWAY_LIMITS.maxDepth))).toEqual([]);
    expect(errorsOf(deepThroughFragments(GATEWAY_LIMITS.maxDepth + 1))).toContainEqual(expect.stringMatching(/depth limit of 8 exceeded/));
  });

  it('refuses 40 aliases hidden in fragments, and takes 15', () => {
    expect(errorsOf(aliasesThroughFragments(40))).toEqual([expect.stringMatching(/Aliases limit of 15 exceeded, found 40/)]);
    expect(errorsOf(aliasesThroughFragments(15))).toEqual([]);
  });

  it('counts a fragment each time it is spread (2^12 fields from 13 short fragments)', () => {
    expect(errorsOf(doublingFragments(12))).toEqual([expect.stringMatching(/Cost limit of 500 exceeded/)]);
  });

  it('refuses many directives, also from a fragment spread many times', () => {
    const fragment = `fragment T on CitizenStatistics { total @include(if: true) @skip(if: false) }`;
    const spreads = Array.from({ length: 30 }, () => '...T').join(' ');
    expect(errorsOf(`{ citizenStatistics { ${spreads} } } ${fragment}`)).toEqual([
      expect.stringMatching(/Directives limit of 50 exceeded/),
    ]);
  });

  it('names no limit in production', () => {
    const saved = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      // Too deep and too costly: one sentence, once.
      expect(errorsOf(deepThroughFragments(23))).toEqual(['The operation is too complex.']);
      expect(errorsOf(aliasesThroughFragments(40))).toEqual(['The operation is too complex.']);
    } finally {
      process.env.NODE_ENV = saved;
    }
  });
});
