export * from './database';
export * from './requests';
export * from './subgraph';
