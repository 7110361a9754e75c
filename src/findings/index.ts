export * from './finding.js';
export * from './errors.js';
