export * from './policy';
export * from './grants';
export * from './grant-cache';
export * from './caseload';
export * from './roles';
export * from './request-access';
