import { Ajv, type ErrorObject } from 'ajv';
import { errorFinding, type Finding, type PathSegment } from '../findings/index.js';
import type { SourceDocument } from '../source/index.js';
import { retentionDateFields } from './fields.js';
import { describeValue, expectedType, locate, locateKey, pointerToPath, valueAt, withoutAnyOfBranches } from './schema-errors.js';

/** A name in `recordValues`, written as in the records schema: lower case letters, digits and `_`. */
const valueName = { type: 'string', pattern: '^[a-z][a-z0-9_]*$' };
const valueNames = { type: 'array', minItems: 1, uniqueItems: true, items: valueName };
const valueList = { type: 'array', minItems: 1, items: { type: 'string' } };

/**
 * The shape of a retention rule file. Which fields a `when` may test, and which values,
 * is checked after the schema (see rules-semantics.ts), so that those findings can name
 * the allowed fields and the values declared under `recordValues`.
 */
const rulesSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'id', 'version', 'recordValues', 'rules'],
  properties: {
    kind: { const: 'RetentionRules' },
    id: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
    version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+$' },
    recordValues: {
      type: 'object',
      additionalProperties: false,
      required: ['owner', 'kind'],
      properties: { owner: valueNames, kind: valueNames },
    },
    rules: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'when', 'from', 'keep', 'provenance'],
        properties: {
          id: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
          when: {
            type: 'object',
            minProperties: 1,
            additionalProperties: {
              anyOf: [
                { type: 'string' },
                valueList,
                { type: 'object', additionalProperties: false, required: ['notEqual'], properties: { notEqual: { type: 'string' } } },
                { type: 'object', additionalProperties: false, required: ['notIn'], properties: { notIn: valueList } },
              ],
            },
          },
          from: { enum: [...retentionDateFields] },
          keep: { type: 'string' },
          provenance: { enum: ['platform_faq', 'provisional'] },
        },
      },
    },
  },
} as const;

const validateRules = new Ajv({ allErrors: true, strict: true, verbose: true }).compile(rulesSchema);

/** Checks a rule file against its schema; every violation becomes a finding in the `retention:rules` namespace. */
export function rulesSchemaFindings(document: SourceDocument): Finding[] {
  if (validateRules(document.data)) return [];
  return withoutAnyOfBranches(validateRules.errors ?? []).map((error) => schemaFinding(error, document));
}

function schemaFinding(error: ErrorObject, document: SourceDocument): Finding {
  const path = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const where = locate(document, path);
  const value = describeValue(valueAt(document.data, path));

  switch (error.keyword) {
    case 'required': {
      const field = String(params['missingProperty']);
      return errorFinding('retention:rules.missingField', { field }, { ...where, path: [...path, field] });
    }
    case 'additionalProperties': {
      const field = String(params['additionalProperty']);
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return errorFinding('retention:rules.unknownField', { field, allowed }, locateKey(document, [...path, field]));
    }
    case 'type':
      return errorFinding('retention:rules.wrongType', { expected: expectedType(error), ...value, context: typeContext(path) }, where);
    case 'enum':
      return errorFinding('retention:rules.notAllowed', { ...value, allowed: (params['allowedValues'] as unknown[]).map(String) }, where);
    case 'const':
      return errorFinding('retention:rules.notAllowed', { ...value, allowed: [String(params['allowedValue'])] }, where);
    case 'pattern':
      return errorFinding(patternCode(path[path.length - 1]), { value: value.value }, where);
    case 'minItems':
    case 'minProperties':
      return errorFinding('retention:rules.empty', {}, where);
    case 'uniqueItems': {
      const repeated = describeValue(valueAt(document.data, [...path, Number(params['j'])]));
      return errorFinding('retention:rules.repeatedValue', { value: repeated.value }, locate(document, [...path, Number(params['i'])]));
    }
    case 'anyOf':
      return errorFinding('retention:rules.badTest', {}, where);
    default:
      return errorFinding('retention:rules.invalid', { rule: error.keyword }, where);
  }
}

/** Picks the message for a value of the wrong type: the whole file, a version (which must be quoted), or any other field. */
function typeContext(path: readonly PathSegment[]): string {
  if (path.length === 0) return 'file';
  return path[path.length - 1] === 'version' ? 'version' : '';
}

/** Picks the message for a value of the wrong form from the field it sits in. */
function patternCode(last: string | number | undefined): string {
  if (last === 'id') return 'retention:rules.badId';
  if (last === 'version') return 'retention:rules.badVersion';
  return 'retention:rules.badName';
}
