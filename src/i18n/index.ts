export * from './translator.js';
