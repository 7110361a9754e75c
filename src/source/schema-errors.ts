import type { ErrorObject } from 'ajv';
import type { Finding, PathSegment } from '../findings/index.js';
import type { SourceDocument } from './yaml-document.js';

/**
 * Helpers that turn ajv errors into finding parameters that any language can render. Type
 * names are tokens (`object`, `array`, ...) that each module's locale files translate, so no
 * English type name from ajv reaches a message.
 */

/** A JSON type as a message token; each module translates it under `<namespace>:types` and `<namespace>:values`. */
export type ValueType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

const valueTypes: readonly string[] = ['object', 'array', 'string', 'number', 'integer', 'boolean', 'null'];

/** Parameters that describe a received value: `got` is its type token, `value` the value itself cut short. */
export function describeValue(value: unknown): { got: ValueType; value: string } {
  if (value === null || value === undefined) return { got: 'null', value: '' };
  if (Array.isArray(value)) return { got: 'array', value: '' };
  if (typeof value === 'object') return { got: 'object', value: '' };
  if (typeof value === 'string') return { got: 'string', value: JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) };
  if (typeof value === 'number' || typeof value === 'bigint') return { got: 'number', value: String(value) };
  return { got: 'boolean', value: String(value) };
}

/** Returns the type an ajv `type` error expected, as a token; a list of types gives its first one. */
export function expectedType(error: ErrorObject): ValueType {
  const written = (error.params as { type?: unknown }).type;
  const first = String(written).split(',')[0]!;
  return (valueTypes.includes(first) ? first : 'string') as ValueType;
}

/**
 * Drops the errors that ajv reports for each branch of a failed `anyOf`, so that the
 * `anyOf` error alone stands for them.
 */
export function withoutAnyOfBranches(errors: readonly ErrorObject[]): ErrorObject[] {
  const anyOfPaths = errors.filter((error) => error.keyword === 'anyOf').map((error) => error.instancePath);
  return errors.filter((error) => error.keyword === 'anyOf' || !anyOfPaths.some((path) => isSameOrInside(error.instancePath, path)));
}

function isSameOrInside(pointer: string, parent: string): boolean {
  return pointer === parent || pointer.startsWith(`${parent}/`);
}

/** Returns the file, path, line and column of a value; a missing node keeps the path without a position. */
export function locate(document: SourceDocument, path: PathSegment[]): Pick<Finding, 'file' | 'line' | 'column' | 'path'> {
  return { file: document.file, path, ...document.locate(path) };
}

/** Returns the position of a mapping key rather than of its value, for findings about the key itself. */
export function locateKey(document: SourceDocument, path: PathSegment[]): Pick<Finding, 'file' | 'line' | 'column' | 'path'> {
  return { ...locate(document, path), ...document.locateKey(path) };
}

/** Sorts findings by line and column, so a file's problems read from top to bottom. */
export function byPosition(findings: Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => (a.finding.line ?? 0) - (b.finding.line ?? 0) || (a.finding.column ?? 0) - (b.finding.column ?? 0) || a.index - b.index)
    .map(({ finding }) => finding);
}
