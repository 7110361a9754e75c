import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { errorFinding, type Finding, type PathSegment } from '../findings/index.js';
import { packageRoot } from '../package-root.js';
import type { SourceDocument } from '../source/index.js';
import { maskNationalNumbers } from './national-number-guard.js';
import { pointerToPath, valueAt } from '../source/json-pointer.js';

/** The versioned JSON Schemas of the access module, as file names under `schemas/`. */
export const accessSchemaFiles = {
  request: 'access-request-1.schema.json',
  scenario: 'access-scenario-1.schema.json',
  rules: 'access-rules-1.schema.json',
} as const;

export type AccessSchemaName = keyof typeof accessSchemaFiles;

const schemaBaseUri = 'https://bib-core.invalid/schemas/';

// Data are never changed by validation: no type coercion and no defaults written into them.
let ajv: Ajv | undefined;
const validators = new Map<AccessSchemaName, ValidateFunction>();

function schemaValidator(name: AccessSchemaName): ValidateFunction {
  const cached = validators.get(name);
  if (cached) return cached;

  if (!ajv) {
    ajv = new Ajv({ allErrors: true, strict: true, coerceTypes: false, useDefaults: false, allowUnionTypes: true, verbose: true });
    for (const file of Object.values(accessSchemaFiles)) {
      ajv.addSchema(JSON.parse(readFileSync(join(packageRoot, 'schemas', file), 'utf8')) as object);
    }
  }
  const validate = ajv.getSchema(schemaBaseUri + accessSchemaFiles[name]);
  if (!validate) throw new Error(`schema ${accessSchemaFiles[name]} is not registered`);
  validators.set(name, validate);
  return validate;
}

/** Source that findings point into: a parsed file with positions, or a value passed through the API. */
export interface FindingSource {
  file?: string;
  locate?: SourceDocument['locate'];
  locateKey?: SourceDocument['locateKey'];
}

/** Validates `data` against one of the access schemas and returns every violation as a finding. */
export function checkAccessSchema(data: unknown, name: AccessSchemaName, source: FindingSource = {}): Finding[] {
  const validate = schemaValidator(name);
  if (validate(data)) return [];

  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const finding = toFinding(error, data, source);
    const key = JSON.stringify([finding.code, finding.path, finding.params]);
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return findings;
}

/** Builds a finding at `path` of the source, with the line and column when the source has them. */
export function findingAt(
  code: string,
  params: Finding['params'],
  path: readonly PathSegment[],
  source: FindingSource,
  atKey = false,
): Finding {
  const position = atKey ? source.locateKey?.(path) : source.locate?.(path);
  return errorFinding(code, params, { ...(source.file ? { file: source.file } : {}), path: [...path], ...position });
}

const patternCodes: Record<string, string> = {
  date: 'access:schema.date',
  instant: 'access:schema.instant',
  identifier: 'access:schema.identifier',
  id: 'access:schema.ruleId',
  name: 'access:schema.name',
};

function toFinding(error: ErrorObject, data: unknown, source: FindingSource): Finding {
  const path = pointerToPath(error.instancePath);
  const value = describeValue(valueAt(data, path));
  const params = error.params as Record<string, unknown>;

  switch (error.keyword) {
    case 'required': {
      const property = String(params['missingProperty']);
      return findingAt('access:schema.required', { property }, path, source);
    }
    case 'additionalProperties': {
      const property = String(params['additionalProperty']);
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return findingAt('access:schema.unknownProperty', { property, allowed: allowed.join(', ') }, [...path, property], source, true);
    }
    case 'type':
      return findingAt('access:schema.type', { expected: String(params['type']).split(',').join(' | '), value }, path, source);
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String).join(', ');
      return findingAt('access:schema.enum', { allowed, value }, path, source);
    }
    case 'const':
      return findingAt('access:schema.const', { expected: JSON.stringify(params['allowedValue']), value }, path, source);
    case 'pattern': {
      const definition = /\/definitions\/([A-Za-z]+)\/pattern$/.exec(error.schemaPath)?.[1];
      const parent = path[path.length - 2];
      const code = (definition && patternCodes[definition]) ?? (parent === 'periods' ? 'access:schema.period' : 'access:schema.pattern');
      return findingAt(code, { value, pattern: String(params['pattern']) }, path, source);
    }
    case 'minItems':
    case 'minProperties':
      return findingAt('access:schema.empty', { value }, path, source);
    case 'uniqueItems':
      return findingAt('access:schema.duplicateItem', { value }, path, source);
    default:
      return findingAt('access:schema.other', { detail: error.message ?? error.keyword, value }, path, source);
  }
}

/** Renders a value for a message, cut to 60 characters, with national-number-like digits masked. */
export function describeValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (value === undefined) text = 'nothing';
  else text = JSON.stringify(value) ?? String(value);
  text = maskNationalNumbers(text);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
