import 'reflect-metadata';

export * from './access';
export * from './audit-log';
export * from './context';
export {
  checkConfig,
  checkConfigOrExit,
  checkScriptConfig,
  ConfigError,
  configMarkdown,
  configTable,
  databaseUrlSetting,
  ProcessConfig,
  setting,
  servicePortSetting,
  settingOf,
  SETTINGS,
  subgraphUrlSetting,
} from './config';
export * from './crypto';
export * from './database';
export * from './embedded-postgres';
export * from './errors';
export * from './events';
export * from './files';
export * from './http';
export * from './idempotency';
export * from './migration-lock';
export * from './identity';
export * from './logger';
export * from './scalars';
export * from './calendar';
export * from './schema';
export * from './subgraph';
export * from './subgraph-client';
export * from './pagination';
export * from './ids';
export * from './loaders';
export * from './housekeeping';
export * from './transaction';
export * from './statistics';
export * from './input';
export * from './part';
export * from './parts';
