export * from './field-cipher';
export * from './cpr-redaction';
