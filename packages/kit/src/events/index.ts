export * from './catalogue';
export * from './outbox';
export * from './feed';
export * from './consumer';
export * from './catch-up';
export * from './read-model';
