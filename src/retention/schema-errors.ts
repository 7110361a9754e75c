// The shared schema-error helpers, under the names the retention modules import.
export { pointerToPath, valueAt } from '../source/json-pointer.js';
export { byPosition, describeValue, expectedType, locate, locateKey, withoutAnyOfBranches, type ValueType } from '../source/schema-errors.js';
