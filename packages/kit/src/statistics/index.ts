export * from './suppression';
export * from './perturbation';
