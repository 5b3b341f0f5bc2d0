export * from './declaration';
export * from './part';
export * from './resolver';
