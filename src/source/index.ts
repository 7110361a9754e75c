export * from './yaml-document.js';
export * from './json-pointer.js';
