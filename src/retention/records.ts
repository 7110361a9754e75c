import { looksLikeNationalNumber } from '../access/national-number-guard.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { errorFinding, type Finding, type PathSegment } from '../findings/index.js';
import { packageRoot } from '../package-root.js';
import { parseCivilDate, type CivilDate } from '../periods/index.js';
import { readYamlFile, type SourceDocument } from '../source/index.js';
import type { RetentionRecord } from './evaluate.js';
import { isDateField, retentionDateFields, type RetentionDateField } from './fields.js';
import { dateAfterAsOfParams, isAfterAsOf, repeatedIds, undeclaredValues } from './record-checks.js';
import type { RetentionRuleSet } from './rules.js';
import { byPosition, describeValue, expectedType, locate, locateKey, pointerToPath, valueAt } from './schema-errors.js';

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

/**
 * Options of the records check beyond the schema. With `ruleSet`, an owner or kind that the
 * rules do not declare is a finding. With `asOf`, so is an event date after it.
 */
export interface RecordsCheckOptions {
  ruleSet?: RetentionRuleSet;
  asOf?: CivilDate;
}

/** Reads a YAML or JSON records file and checks it; every problem is a finding with its line and column. */
export async function readRetentionRecords(file: string, options: RecordsCheckOptions = {}): Promise<RecordsOutcome> {
  const parsed = await readYamlFile(file);
  if (!parsed.ok) return { ok: false, findings: parsed.findings };
  return checkRetentionRecords(parsed.document, options);
}

/**
 * Checks a parsed records file in one round: the JSON Schema, every date read strictly as
 * `YYYY-MM-DD` of a real day (`2025-02-30`, `25/02/2025` and an empty string are rejected),
 * repeated record ids, and the checks that `options` enables. Findings come sorted by line.
 */
export function checkRetentionRecords(document: SourceDocument, options: RecordsCheckOptions = {}): RecordsOutcome {
  const validate = recordsValidator();
  const valid = validate(document.data);
  const findings = valid ? [] : (validate.errors ?? []).map((error) => schemaFinding(error, document));

  const entries = recordEntries(document.data);
  const records: RetentionRecord[] = [];
  entries.forEach((entry, index) => {
    if (entry === undefined) return;
    const dates = readDates(entry, index, document, options.asOf, findings);
    if (options.ruleSet) {
      for (const problem of undeclaredValues(entry, options.ruleSet.recordValues)) {
        const params = { record: recordLabel(document, ['records', index]), ...problem };
        findings.push(errorFinding('retention:records.unknownValue', params, locate(document, ['records', index, problem.field])));
      }
    }
    if (typeof entry['id'] === 'string' && looksLikeNationalNumber(entry['id'])) {
      findings.push(errorFinding('retention:records.nationalNumberId', { index: index + 1 }, locate(document, ['records', index, 'id'])));
    }
    records.push({ id: entry['id'] as string, kind: entry['kind'] as string, owner: entry['owner'] as string, dates, source: recordSource(document, index) });
  });
  findings.push(...duplicateIdFindings(entries, document));

  return findings.length > 0 ? { ok: false, findings: byPosition(findings) } : { ok: true, records };
}

/** Lists the entries of `records` by position, with undefined for any entry that is not a mapping (a schema finding). */
function recordEntries(data: unknown): (Record<string, unknown> | undefined)[] {
  const list = valueAt(data, ['records']);
  if (!Array.isArray(list)) return [];
  return list.map((entry: unknown) => (entry !== null && typeof entry === 'object' && !Array.isArray(entry) ? (entry as Record<string, unknown>) : undefined));
}

/** Reads the date fields of one record; a non-text date is already a schema finding. */
function readDates(
  entry: Record<string, unknown>,
  index: number,
  document: SourceDocument,
  asOf: CivilDate | undefined,
  findings: Finding[],
): Partial<Record<RetentionDateField, CivilDate>> {
  const dates: Partial<Record<RetentionDateField, CivilDate>> = {};
  for (const field of retentionDateFields) {
    const text = entry[field];
    if (typeof text !== 'string') continue;

    const where = locate(document, ['records', index, field]);
    const record = recordLabel(document, ['records', index]);
    const date = parseCivilDate(text);
    if (date === undefined) {
      findings.push(errorFinding('retention:records.badDate', { record, field, value: text.slice(0, 40) }, where));
    } else if (asOf !== undefined && isAfterAsOf(date, asOf)) {
      findings.push(errorFinding('retention:records.dateAfterAsOf', dateAfterAsOfParams(record, field, date, asOf), where));
    } else {
      dates[field] = date;
    }
  }
  return dates;
}

/** Reports each repeated id at the repeat, with the line and column of its first use. */
function duplicateIdFindings(entries: readonly (Record<string, unknown> | undefined)[], document: SourceDocument): Finding[] {
  const ids = entries.map((entry) => (typeof entry?.['id'] === 'string' ? entry['id'] : undefined));
  return repeatedIds(ids).map(({ index, firstIndex }) => {
    const where = locate(document, ['records', index, 'id']);
    const first = document.locate(['records', firstIndex, 'id']);
    const params = { record: ids[index]!, firstLine: first?.line ?? 0, firstColumn: first?.column ?? 0, line: where.line ?? 0, column: where.column ?? 0 };
    return errorFinding('retention:records.duplicateId', params, where);
  });
}

function recordSource(document: SourceDocument, index: number): NonNullable<RetentionRecord['source']> {
  const position = document.locate(['records', index]);
  return { file: document.file, ...(position ? { line: position.line, column: position.column } : {}) };
}

/**
 * Turns a schema violation into a finding that names the record (by id when it has one) and
 * the field. The i18next context tells where the problem is, so that no message starts
 * with an empty field name: `date` for a date field of a record, `entry` for a record that
 * is not a mapping, `field` for a top-level field and `file` for the file as a whole.
 */
function schemaFinding(error: ErrorObject, document: SourceDocument): Finding {
  const path = pointerToPath(error.instancePath);
  const record = recordLabel(document, path);
  const field = path.length === 0 ? '' : String(inRecord(path) ? (path[2] ?? '') : path[0]);
  const value = describeValue(valueAt(document.data, path));
  const params = error.params as Record<string, unknown>;
  const where = locate(document, path);
  const outside = record === '' ? 'file' : '';

  switch (error.keyword) {
    case 'required':
      return errorFinding('retention:records.missingField', { record, field: String(params['missingProperty']), context: outside }, where);
    case 'additionalProperties': {
      const unknown = String(params['additionalProperty']);
      return errorFinding('retention:records.unknownField', { record, field: unknown, context: outside }, locateKey(document, [...path, unknown]));
    }
    case 'type':
      return errorFinding('retention:records.wrongType', { record, field, expected: expectedType(error), ...value, context: typeContext(path) }, where);
    case 'const':
      return errorFinding('retention:records.wrongValue', { record, field, expected: JSON.stringify(params['allowedValue']), ...value, context: outside }, where);
    case 'pattern':
      return errorFinding('retention:records.badName', { record, field, ...value }, where);
    default:
      return errorFinding('retention:records.invalid', { record, field, rule: error.keyword, context: outside }, where);
  }
}

function typeContext(path: readonly PathSegment[]): string {
  if (path.length === 0) return 'file';
  if (!inRecord(path)) return 'field';
  if (path.length === 2) return 'entry';
  return isDateField(String(path[2])) ? 'date' : '';
}

function inRecord(path: readonly PathSegment[]): boolean {
  return path[0] === 'records' && typeof path[1] === 'number';
}

/** Names the record a path points into: its id, or its position when it has no id. */
function recordLabel(document: SourceDocument, path: readonly PathSegment[]): string {
  if (!inRecord(path)) return '';
  const entry = valueAt(document.data, path.slice(0, 2));
  const id = entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>)['id'] : undefined;
  return typeof id === 'string' ? id : `#${(path[1] as number) + 1}`;
}
