export * from './suppression';
export * from './perturbation';
export * from './cell-key';
export * from './published';
export * from './types';
