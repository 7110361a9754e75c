export * from './yaml-document.js';
