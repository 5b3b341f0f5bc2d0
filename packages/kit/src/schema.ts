import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import merge from 'lodash.merge';
import { buildSchema, BuildSchemaOptions, createResolversMap } from 'type-graphql';
import { DateScalar, DateTimeScalar } from './scalars';

/** `__resolveReference` per entity type name, called with the request's context. */
export type ReferenceResolvers = Record<string, { __resolveReference(reference: any, context: any, info: any): unknown }>;

export interface SchemaOptions {
  resolvers: BuildSchemaOptions['resolvers'];
  orphanedTypes?: Function[];
  referenceResolvers?: ReferenceResolvers;
}

const FEDERATION_LINK = `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.7",
          import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])
`;

/**
 * Builds a Federation 2 subgraph schema from type-graphql resolvers: print the type-graphql
 * schema with its @key directives, hand the SDL to `buildSubgraphSchema`, and merge back the
 * resolvers type-graphql made, plus the reference resolvers.
 */
export async function buildFederatedSchema(options: SchemaOptions): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: { forbidUnknownValues: false },
    skipCheck: true,
  });
  const sdl = printSchemaWithDirectives(schema);
  return buildSubgraphSchema([
    {
      typeDefs: gql`
        ${FEDERATION_LINK}
        ${sdl}
      `,
      resolvers: merge(createResolversMap(schema) as object, { Date: DateScalar }, options.referenceResolvers ?? {}) as any,
    },
  ]);
}
