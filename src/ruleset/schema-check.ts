import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { errorFinding, type Finding, type PathSegment } from '../findings/index.js';
import { packageRoot } from '../package-root.js';
import type { SourceDocument } from '../source/index.js';
import { pointerToPath, valueAt } from '../source/json-pointer.js';

const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, coerceTypes: false, useDefaults: false, allowUnionTypes: true });
const validators = new Map<string, ValidateFunction>();

/** Compiles (once) the JSON Schema `schemas/<name>.schema.json` of the package. */
export function schemaValidator(name: string): ValidateFunction {
  let validate = validators.get(name);
  if (!validate) {
    const schema = JSON.parse(readFileSync(join(packageRoot, 'schemas', `${name}.schema.json`), 'utf8')) as object;
    validate = ajv.compile(schema);
    validators.set(name, validate);
  }
  return validate;
}

/**
 * Validates a parsed document against a schema and returns every violation as a finding with
 * the line and column of the offending value. Data are never changed: no coercion, no defaults.
 */
export function checkAgainstSchema(document: SourceDocument, schemaName: string): Finding[] {
  const validate = schemaValidator(schemaName);
  if (validate(document.data)) return [];
  return schemaErrorsToFindings(validate.errors ?? [], document);
}

export function schemaErrorsToFindings(errors: readonly ErrorObject[], document: SourceDocument): Finding[] {
  const commaFindings = flowDecimalCommas(errors, document);
  if (commaFindings.length > 0) return commaFindings;

  // A failed `oneOf` lists the errors of every branch; report the `oneOf` alone.
  const oneOfPaths = errors.filter((error) => error.keyword === 'oneOf').map((error) => error.instancePath);
  const relevant = errors.filter(
    (error) => error.keyword === 'oneOf' || !oneOfPaths.some((path) => error.instancePath.startsWith(path)),
  );

  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const error of relevant) {
    const finding = toFinding(error, document);
    const key = `${finding.code}|${finding.line}|${finding.column}|${JSON.stringify(finding.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return findings;
}

function toFinding(error: ErrorObject, document: SourceDocument): Finding {
  const path = pointerToPath(error.instancePath);
  const value = valueAt(document.data, path);
  const where = { file: document.file, path, ...document.locate(path) };
  const params = error.params as Record<string, unknown>;
  const shown = describeValue(value);

  switch (error.keyword) {
    case 'required': {
      const property = String(params['missingProperty']);
      return errorFinding('schema.required', { property }, { ...where, path: [...path, property] });
    }
    case 'additionalProperties': {
      const property = String(params['additionalProperty']);
      const keyPath = [...path, property];
      return errorFinding(
        'schema.unknownProperty',
        { property, allowed: allowedProperties(error) },
        { ...where, path: keyPath, ...document.locateKey(keyPath) },
      );
    }
    case 'type': {
      const expected = String(params['type']);
      if (expected === 'number' && typeof value === 'string' && /^-?\d+,\d+$/.test(value.trim())) {
        return errorFinding('schema.decimalComma', { value, suggestion: value.replace(',', '.') }, where);
      }
      if (expected === 'string' && typeof value === 'number' && path[path.length - 1] === 'version') {
        return errorFinding('schema.versionNotString', { value: shown }, where);
      }
      return errorFinding('schema.type', { expected, value: shown }, where);
    }
    case 'enum':
      return errorFinding('schema.enum', { value: shown, allowed: (params['allowedValues'] as unknown[]).map(String) }, where);
    case 'const':
      return errorFinding('schema.const', { value: shown, expected: String(params['allowedValue']) }, where);
    case 'pattern':
      if (path[path.length - 1] === 'version') return errorFinding('schema.versionPattern', { value: shown }, where);
      return errorFinding('schema.pattern', { value: shown, pattern: String(params['pattern']) }, where);
    case 'oneOf':
      return errorFinding('schema.condition', { value: shown }, where);
    case 'minItems':
    case 'minProperties':
      return errorFinding('schema.empty', { value: shown }, where);
    default:
      return errorFinding('schema.other', { detail: error.message ?? error.keyword, value: shown }, where);
  }
}

/**
 * Recognises a decimal comma inside a flow mapping: `{ eu: 0,5 }` reads as `eu: 0` and a key
 * `5` without a value, which the schema reports as an odd key. Returns one clear finding per
 * such mapping, or none.
 */
function flowDecimalCommas(errors: readonly ErrorObject[], document: SourceDocument): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const path = pointerToPath(error.instancePath);
    const value = valueAt(document.data, path);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    // JavaScript lists integer-like keys first, so order the keys as the file has them.
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([key, entry]) => ({ key, entry, at: document.locateKey([...path, key]) }))
      .sort((a, b) => (a.at?.line ?? 0) - (b.at?.line ?? 0) || (a.at?.column ?? 0) - (b.at?.column ?? 0));
    const index = entries.findIndex(({ key, entry }) => /^\d+$/.test(key) && entry === null);
    if (index <= 0 || seen.has(error.instancePath)) continue;
    seen.add(error.instancePath);
    const { key: previousKey, entry: previousValue } = entries[index - 1]!;
    const digits = entries[index]!.key;
    const suggestion = `${String(previousValue)}.${digits}`;
    findings.push(
      errorFinding('schema.decimalComma', { value: `${String(previousValue)},${digits}`, suggestion }, { file: document.file, path: [...path, previousKey], ...document.locate([...path, previousKey]) }),
    );
  }
  return findings;
}

function allowedProperties(error: ErrorObject): string[] {
  const schema = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
  return Object.keys(schema?.properties ?? {});
}

/** A short, safe rendering of a value for a message (at most 60 characters). */
export function describeValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (value === undefined) text = 'nothing';
  else text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
