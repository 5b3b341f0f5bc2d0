/**
 * One Jest run for the whole workspace, on the compiled output (tsc emits the decorator
 * metadata that type-graphql and TypeORM read). One embedded PostgreSQL serves the run;
 * each test file makes its own database on it.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/services', '<rootDir>/gateway', '<rootDir>/scripts', '<rootDir>/e2e'],
  testMatch: ['**/dist/test/**/*.test.js'],
  testPathIgnorePatterns: ['/node_modules/'],
  globalSetup: '<rootDir>/packages/kit/dist/src/testing/global-setup.js',
  globalTeardown: '<rootDir>/packages/kit/dist/src/testing/global-teardown.js',
  testTimeout: 60000,
  maxWorkers: 2,
};
