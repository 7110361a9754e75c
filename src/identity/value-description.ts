/** A JSON type as a message token, translated under `identity:types` and `identity:values`. */
export type ValueType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

/**
 * Describes a received value for a message: `got` is its type token, and `value` the value
 * itself cut short, for scalars only. A message names the type with
 * `$t(identity:values.{{got}})`, so no English type name reaches another language.
 */
export function describeValue(value: unknown): { got: ValueType; value: string } {
  if (value === null || value === undefined) return { got: 'null', value: '' };
  if (Array.isArray(value)) return { got: 'array', value: '' };
  if (typeof value === 'object') return { got: 'object', value: '' };
  if (typeof value === 'string') return { got: 'string', value: JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) };
  if (typeof value === 'number' || typeof value === 'bigint') return { got: 'number', value: String(value) };
  return { got: 'boolean', value: String(value) };
}
