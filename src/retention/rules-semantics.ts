import { errorFinding, type Finding, type PathSegment } from '../findings/index.js';
import { parseCivilDate, parsePeriod } from '../periods/index.js';
import type { SourceDocument } from '../source/index.js';
import { declaredValueFields, isDateField, isDeclaredValueField, testableRecordFields, type RecordValues } from './fields.js';
import { locate, locateKey, valueAt } from './schema-errors.js';

/**
 * Runs the checks of a retention rule file that its schema cannot make. They run even when
 * the schema found problems, so that a file's findings come in one round. Each check reads
 * only values of the type it expects and leaves the rest to the schema findings.
 */
export function rulesSemanticFindings(document: SourceDocument): Finding[] {
  const rules = valueAt(document.data, ['rules']);
  if (!Array.isArray(rules)) return [];

  const declared = readRecordValues(valueAt(document.data, ['recordValues']));
  const findings: Finding[] = [];
  const firstUse = new Map<string, number>();

  rules.forEach((rule: unknown, index) => {
    if (rule === null || typeof rule !== 'object' || Array.isArray(rule)) return;
    const written = rule as Record<string, unknown>;

    if (typeof written['id'] === 'string') {
      const firstIndex = firstUse.get(written['id']);
      if (firstIndex === undefined) firstUse.set(written['id'], index);
      else findings.push(duplicateIdFinding(document, written['id'], index, firstIndex));
    }

    const keep = written['keep'];
    if (typeof keep === 'string' && keep !== 'none' && parsePeriod(keep) === undefined) {
      findings.push(errorFinding('retention:rules.badPeriod', { value: keep.slice(0, 40) }, locate(document, ['rules', index, 'keep'])));
    }

    const when = written['when'];
    if (when !== null && typeof when === 'object' && !Array.isArray(when)) {
      findings.push(...whenFindings(document, ['rules', index, 'when'], when as Record<string, unknown>, declared));
    }
  });
  return findings;
}

/** Reads `recordValues` when it has the declared shape; otherwise the schema reports it and value checks are skipped. */
export function readRecordValues(written: unknown): RecordValues | undefined {
  if (written === null || typeof written !== 'object') return undefined;
  const lists = written as Record<string, unknown>;
  const isNameList = (list: unknown): list is string[] => Array.isArray(list) && list.every((value) => typeof value === 'string');
  if (!declaredValueFields.every((field) => isNameList(lists[field]))) return undefined;
  return { owner: lists['owner'] as string[], kind: lists['kind'] as string[] };
}

function duplicateIdFinding(document: SourceDocument, id: string, index: number, firstIndex: number): Finding {
  const first = document.locate(['rules', firstIndex, 'id']);
  return errorFinding('retention:rules.duplicateId', { id, firstLine: first?.line ?? 0 }, locate(document, ['rules', index, 'id']));
}

/**
 * Checks that each test of a `when` can hold for some record and fail for another. The
 * field must be one that records have, an owner or kind must be declared under
 * `recordValues`, and a date must be a real `YYYY-MM-DD` day. A test with any other value
 * would silently never apply (or always apply), so data would be kept forever or deleted
 * too early.
 */
function whenFindings(document: SourceDocument, path: PathSegment[], when: Record<string, unknown>, declared: RecordValues | undefined): Finding[] {
  const findings: Finding[] = [];
  for (const [field, test] of Object.entries(when)) {
    const fieldPath = [...path, field];
    if (!testableRecordFields.includes(field)) {
      findings.push(errorFinding('retention:rules.unknownWhenField', { field, allowed: [...testableRecordFields] }, locateKey(document, fieldPath)));
      continue;
    }

    for (const { value, valuePath } of testedValues(test, fieldPath)) {
      const where = locate(document, valuePath);
      if (isDeclaredValueField(field) && declared !== undefined && !declared[field].includes(value)) {
        findings.push(errorFinding('retention:rules.unknownValue', { field, value: value.slice(0, 40), allowed: declared[field] }, where));
      } else if (isDateField(field) && parseCivilDate(value) === undefined) {
        findings.push(errorFinding('retention:rules.badDate', { field, value: value.slice(0, 40) }, where));
      }
    }
  }
  return findings;
}

/** Lists the text values of one test, in every written form, each with its own path; other shapes are schema findings. */
function testedValues(test: unknown, path: PathSegment[]): { value: string; valuePath: PathSegment[] }[] {
  if (typeof test === 'string') return [{ value: test, valuePath: path }];
  if (Array.isArray(test)) return textEntries(test, path);
  if (test === null || typeof test !== 'object') return [];

  const written = test as Record<string, unknown>;
  if (typeof written['notEqual'] === 'string') return [{ value: written['notEqual'], valuePath: [...path, 'notEqual'] }];
  if (Array.isArray(written['notIn'])) return textEntries(written['notIn'], [...path, 'notIn']);
  return [];
}

function textEntries(list: unknown[], path: PathSegment[]): { value: string; valuePath: PathSegment[] }[] {
  return list.flatMap((value, index) => (typeof value === 'string' ? [{ value, valuePath: [...path, index] }] : []));
}
