// The shared description of a received value; identity messages name its type with
// `$t(identity:values.{{got}})`, so no English type name reaches another language.
export { describeValue, type ValueType } from '../source/schema-errors.js';
