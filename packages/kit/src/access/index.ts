export * from './policy';
export * from './caseload';
export * from './roles';
