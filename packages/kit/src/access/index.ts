export * from './policy';
export * from './caseload';
export * from './access-log';
export * from './access-log.entity';
export * from './access-log.resolver';
export * from './access-log-sample';
