import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { printSubgraphSchema } from '@apollo/subgraph';
import { buildSchema } from 'graphql';
import { buildSubgraphSchemaOf } from '@jobcenter/kit';
import { composeSupergraph } from '@jobcenter/gateway/compose';
import { schemaFileOf, SUBGRAPHS, SUPERGRAPH_FILE } from '@jobcenter/gateway/subgraphs';
import { subgraphs } from '../src/services';
import { contractGaps, loadContract } from '../src/contract';

const definitions = Object.fromEntries(subgraphs.map((s) => [s.name, s]));
const REGENERATE = 'run `npm run build && npm run print-schemas` and commit the result';

describe('committed schemas', () => {
  it('covers every subgraph the gateway composes', () => {
    expect(Object.keys(definitions).sort()).toEqual(SUBGRAPHS.map((s) => s.name).sort());
  });

  it.each(Object.keys(definitions))("services/%s/schema.graphql is the service's current schema", async (name) => {
    const printed = `${printSubgraphSchema(await buildSubgraphSchemaOf(definitions[name]))}\n`;
    if (printed !== readFileSync(schemaFileOf(name), 'utf8')) throw new Error(`services/${name}/schema.graphql is stale: ${REGENERATE}`);
  });

  it('the committed schemas compose, and supergraph.graphql is their composition', () => {
    if (composeSupergraph() !== readFileSync(SUPERGRAPH_FILE, 'utf8')) {
      throw new Error(`gateway/supergraph.graphql is stale: ${REGENERATE}`);
    }
  });
});

describe('the client contract', () => {
  const api = Supergraph.build(readFileSync(SUPERGRAPH_FILE, 'utf8')).apiSchema().toGraphQLJSSchema();

  it('knows who owns what', () => {
    const { ownerOf } = loadContract();
    expect(ownerOf('Citizen', 'cpr')).toBe('citizens');
    expect(ownerOf('Citizen', 'activePlan')).toBe('plans');
    expect(ownerOf('StaffMember', 'agenda')).toBe('meetings');
    expect(ownerOf('Query', 'citizenStatistics')).toBe('citizens');
    expect(ownerOf('Query', 'milestoneStatistics')).toBe('plans');
    expect(ownerOf('Mutation', 'enrollInCourse')).toBe('meetings');
    expect(ownerOf('Mutation', 'cancelPlacement')).toBe('placements');
    expect(ownerOf('PlacementKind')).toBe('placements');
  });

  it('every name of the built subgraphs exists in the composed API with the contract type', () => {
    expect(contractGaps(api, new Set(SUBGRAPHS.map((s) => s.name)))).toEqual([]);
  });

  it('would notice a missing or retyped name', () => {
    const partial = buildSchema('type Query { citizen(id: String!): Citizen } type Citizen { id: ID! cpr: Int }');
    const gaps = contractGaps(partial, new Set(['citizens']));
    expect(gaps).toEqual(
      expect.arrayContaining([
        'Query.citizen(id) is String!, contract says ID!',
        'Citizen.cpr is Int, contract says String!',
        'Citizen.firstName is missing',
        'Query.citizens is missing',
      ]),
    );
    expect(gaps).not.toContain('Query.plan is missing'); // plans not built in this check
  });
});
