export * from './entity';
export * from './plugin';
