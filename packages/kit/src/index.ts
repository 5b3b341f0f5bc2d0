import 'reflect-metadata';

export * from './access';
export * from './authz';
export * from './context';
export * from './database';
export * from './embedded-postgres';
export * from './errors';
export * from './http';
export * from './idempotency';
export * from './migration-lock';
export * from './identity';
export * from './logger';
export * from './scalars';
export * from './schema';
export * from './subgraph';
export * from './subgraph-client';
export * from './pagination';
export * from './loaders';
