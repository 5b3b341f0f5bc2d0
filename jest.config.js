/**
 * One Jest run for the whole workspace, on the compiled output (tsc emits the decorator
 * metadata that type-graphql and TypeORM read). One embedded PostgreSQL serves the run (the
 * global setup, once for all projects); each test file makes its own database on it.
 *
 * Four tiers, as Jest projects (`npx jest [path] --selectProjects <tier>`, or `npm run test:<tier>`):
 * - unit: a package's or service's own `*.test.ts` that need no database (rules, parsers);
 * - subgraph: `*.subgraph.test.ts`: one subgraph (or the kit) against PostgreSQL, over HTTP;
 * - federation: the gateway, the scripts and the cross-service tests in e2e/ (several subgraphs,
 *   the gateway, the deployment files);
 * - browser: the workbench in Chromium (e2e/test/*.e2e.test.ts).
 * One service alone: `npx jest services/plans --selectProjects unit subgraph` (the path first:
 * `--selectProjects` takes every word after it as a project name).
 */
const shared = { testEnvironment: 'node', testPathIgnorePatterns: ['/node_modules/'] };

module.exports = {
  globalSetup: '<rootDir>/packages/kit/dist/src/testing/global-setup.js',
  globalTeardown: '<rootDir>/packages/kit/dist/src/testing/global-teardown.js',
  testTimeout: 60000,
  maxWorkers: 2,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{packages,services}/*/dist/test/**/*.test.js'],
      testPathIgnorePatterns: [...shared.testPathIgnorePatterns, '\\.subgraph\\.test\\.js$'],
    },
    { ...shared, displayName: 'subgraph', testMatch: ['<rootDir>/{packages,services}/*/dist/test/**/*.subgraph.test.js'] },
    {
      ...shared,
      displayName: 'federation',
      testMatch: ['<rootDir>/{gateway,scripts,e2e}/dist/test/**/*.test.js'],
      testPathIgnorePatterns: [...shared.testPathIgnorePatterns, '/e2e/dist/test/[^/]+\\.e2e\\.test\\.js$'],
    },
    { ...shared, displayName: 'browser', testMatch: ['<rootDir>/e2e/dist/test/*.e2e.test.js'] },
  ],
};
