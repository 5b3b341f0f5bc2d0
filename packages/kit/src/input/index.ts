export * from './date-bounds';
export * from './references';
export * from './text';
