import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { errorFinding, type Finding, type PathSegment } from '../findings/index.js';
import { packageRoot } from '../package-root.js';
import { parseCivilDate, type CivilDate } from '../periods/index.js';
import { readYamlFile, type SourceDocument } from '../source/index.js';
import type { RetentionRecord } from './evaluate.js';
import { retentionDateFields, type RetentionDateField } from './rules.js';

/** The JSON Schema of a records file, shipped as `schemas/retention-records.schema.json`. */
export const retentionRecordsSchemaFile = join(packageRoot, 'schemas', 'retention-records.schema.json');

let validator: ValidateFunction | undefined;

function recordsValidator(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, strict: true, coerceTypes: false, useDefaults: false }).compile(
    JSON.parse(readFileSync(retentionRecordsSchemaFile, 'utf8')) as object,
  );
  return validator;
}

export type RecordsOutcome = { ok: true; records: RetentionRecord[] } | { ok: false; findings: Finding[] };

/** Reads a YAML or JSON records file and checks it; every problem is a finding with its line and column. */
export async function readRetentionRecords(file: string): Promise<RecordsOutcome> {
  const parsed = await readYamlFile(file);
  if (!parsed.ok) return { ok: false, findings: parsed.findings };
  return checkRetentionRecords(parsed.document);
}

/**
 * Checks a parsed records file against its JSON Schema, then reads every date strictly as
 * `YYYY-MM-DD` of a real day: `2025-02-30`, `25/02/2025` and an empty string are rejected,
 * naming the record and the field.
 */
export function checkRetentionRecords(document: SourceDocument): RecordsOutcome {
  const validate = recordsValidator();
  if (!validate(document.data)) {
    return { ok: false, findings: (validate.errors ?? []).map((error) => schemaFinding(error, document)) };
  }

  const written = (document.data as { records: Record<string, string>[] }).records;
  const findings: Finding[] = [];
  const records: RetentionRecord[] = [];

  written.forEach((entry, index) => {
    const dates: Partial<Record<RetentionDateField, CivilDate>> = {};
    for (const field of retentionDateFields) {
      const text = entry[field];
      if (text === undefined) continue;

      const date = parseCivilDate(text);
      if (date === undefined) {
        const where = locate(document, ['records', index, field]);
        findings.push(errorFinding('retention:records.badDate', { record: entry['id']!, field, value: text.slice(0, 40) }, where));
      } else {
        dates[field] = date;
      }
    }

    const { file, line, column } = locate(document, ['records', index]);
    const source = { file: file!, ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}) };
    records.push({ id: entry['id']!, kind: entry['kind']!, owner: entry['owner']!, dates, source });
  });

  return findings.length > 0 ? { ok: false, findings } : { ok: true, records };
}

/**
 * Turns a schema violation into a finding that names the record (by id when it has one) and
 * the field. Outside any record, the i18next context `file` selects a text without a record.
 */
function schemaFinding(error: ErrorObject, document: SourceDocument): Finding {
  const path = pointerToPath(error.instancePath);
  const record = recordLabel(document, path);
  const context = record === '' ? 'file' : '';
  const last = path[path.length - 1];
  const field = typeof last === 'string' ? last : '';
  const params = error.params as Record<string, unknown>;
  const value = describe(valueAt(document.data, path));

  switch (error.keyword) {
    case 'required': {
      const missing = String(params['missingProperty']);
      return errorFinding('retention:records.missingField', { record, field: missing, context }, locate(document, path));
    }
    case 'additionalProperties': {
      const unknown = String(params['additionalProperty']);
      const keyPath = [...path, unknown];
      return errorFinding('retention:records.unknownField', { record, field: unknown, context }, { ...locate(document, keyPath), ...document.locateKey(keyPath) });
    }
    case 'type':
      return errorFinding('retention:records.wrongType', { record, field, expected: String(params['type']), value, context }, locate(document, path));
    case 'const':
      return errorFinding('retention:records.wrongValue', { record, field, expected: JSON.stringify(params['allowedValue']), value, context }, locate(document, path));
    case 'pattern':
      return errorFinding('retention:records.badName', { record, field, value, context }, locate(document, path));
    default:
      return errorFinding('retention:records.invalid', { record, field, detail: error.message ?? error.keyword, context }, locate(document, path));
  }
}

/** Names the record a path points into: its id, or its position when it has no id. */
function recordLabel(document: SourceDocument, path: PathSegment[]): string {
  if (path[0] !== 'records' || typeof path[1] !== 'number') return '';
  const entry = valueAt(document.data, path.slice(0, 2));
  const id = entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>)['id'] : undefined;
  return typeof id === 'string' ? id : `#${path[1] + 1}`;
}

function locate(document: SourceDocument, path: PathSegment[]): Pick<Finding, 'file' | 'line' | 'column' | 'path'> {
  return { file: document.file, path, ...document.locate(path) };
}

function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

function valueAt(data: unknown, path: PathSegment[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `"${value.slice(0, 40)}"`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}
