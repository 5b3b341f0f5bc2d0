export * from './date-bounds';
export * from './references';
export * from './text';
export * from './fields';
