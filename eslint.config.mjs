// ESLint for the whole workspace (flat config): typescript-eslint's recommended rules over the
// TypeScript sources and tests. Formatting is Prettier's job (.prettierrc.json), not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', '.data/**', 'web/src/gql/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      // `any` is used on purpose where the shape is the database's or the client's: raw SQL rows
      // (`Record<string, any>`), GraphQL responses in tests, `RequestContext<any>` and
      // `SubgraphDefinition<any>` where any service's context fits. TypeScript's strict mode
      // guards the rest.
      '@typescript-eslint/no-explicit-any': 'off',
      // TypeORM (`entities`, `migrations`) and type-graphql (`orphanedTypes`) take classes typed as
      // `Function`; our lists of them use the libraries' own type.
      '@typescript-eslint/no-unsafe-function-type': 'off',
      // Same convention as tsc's noUnusedParameters: a leading underscore marks "unused on purpose";
      // `const { a: _a, ...rest } = o` drops a property.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Tracing's SDK is loaded synchronously and only when OTEL_EXPORTER_OTLP_ENDPOINT is set.
    files: ['packages/kit/src/observability/tracing.ts'],
    rules: { '@typescript-eslint/no-require-imports': ['error', { allow: ['^@opentelemetry/'] }] },
  },
  {
    // The kit's rooms (docs/architecture.md): the core and access/ never import the audit log;
    // the subgraph runner (subgraph.ts, parts.ts) plugs it on, and index.ts re-exports it.
    files: ['packages/kit/src/**/*.ts'],
    ignores: [
      'packages/kit/src/audit-log/**',
      'packages/kit/src/index.ts',
      'packages/kit/src/parts.ts',
      'packages/kit/src/subgraph.ts',
      'packages/kit/src/testing/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/audit-log', '**/audit-log/*'],
              message: 'The core and access/ do not import the audit log; the runner plugs it on (parts.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    // Plain Node scripts (CommonJS and ESM) next to the TypeScript.
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        URL: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
);
