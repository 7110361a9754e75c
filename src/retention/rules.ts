import { join } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { errorFinding, InputError, type Finding, type PathSegment } from '../findings/index.js';
import { packageRoot } from '../package-root.js';
import { parsePeriod, type Period } from '../periods/index.js';
import { readYamlFile, type SourceDocument } from '../source/index.js';

/** The record fields that hold dates; a rule's `from` names one of them. */
export const retentionDateFields = ['accountClosedOn', 'lastAccessOn', 'letterReceivedOn', 'erasureRequestedOn', 'frozenOn'] as const;
export type RetentionDateField = (typeof retentionDateFields)[number];

/** One test of a record field, as written in `when`. */
export type FieldTest =
  | { operator: 'equal'; value: string }
  | { operator: 'in'; value: string[] }
  | { operator: 'notEqual'; value: string }
  | { operator: 'notIn'; value: string[] };

/** One retention rule as used. `keep` is undefined for `keep: none` (due from the `from` date). */
export interface RetentionRule {
  id: string;
  when: Record<string, FieldTest>;
  from: RetentionDateField;
  keep: Period | undefined;
  /** The period as written (`P7Y`, `none`), for reports. */
  keepText: string;
  provenance: string;
}

export interface RetentionRuleSet {
  id: string;
  version: string;
  rules: RetentionRule[];
}

/** The shipped rule file. */
export const shippedRetentionRulesFile = join(packageRoot, 'rules', 'retention', 'retention-rules.yaml');

const fieldName = { type: 'string', pattern: '^[a-z][A-Za-z0-9_]*$' };
const valueList = { type: 'array', minItems: 1, items: { type: 'string' } };

const rulesSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'id', 'version', 'rules'],
  properties: {
    kind: { const: 'RetentionRules' },
    id: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
    version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+$' },
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
            propertyNames: fieldName,
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

const validateRules = new Ajv({ allErrors: true, strict: true }).compile(rulesSchema);

/** Reads and checks a retention rule file (by default the shipped one). Throws InputError with every finding. */
export async function loadRetentionRules(file: string = shippedRetentionRulesFile): Promise<RetentionRuleSet> {
  const parsed = await readYamlFile(file);
  if (!parsed.ok) throw new InputError(parsed.findings);
  return checkRetentionRules(parsed.document);
}

interface WrittenRule {
  id: string;
  when: Record<string, string | string[] | { notEqual: string } | { notIn: string[] }>;
  from: RetentionDateField;
  keep: string;
  provenance: string;
}

/** Checks a parsed retention rule file and returns the rules as used. Throws InputError with every finding. */
export function checkRetentionRules(document: SourceDocument): RetentionRuleSet {
  if (!validateRules(document.data)) {
    throw new InputError((validateRules.errors ?? []).map((error) => schemaFinding(error, document)));
  }
  const written = document.data as { id: string; version: string; rules: WrittenRule[] };

  const findings: Finding[] = [];
  const problem = (path: PathSegment[], detail: string) =>
    findings.push(errorFinding('retention:rules.invalid', { file: document.file, detail }, { file: document.file, path, ...document.locate(path) }));

  const seen = new Set<string>();
  const rules: RetentionRule[] = written.rules.map((rule, index) => {
    if (seen.has(rule.id)) problem(['rules', index, 'id'], `rule id "${rule.id}" appears twice`);
    seen.add(rule.id);

    const keep = rule.keep === 'none' ? undefined : parsePeriod(rule.keep);
    if (rule.keep !== 'none' && keep === undefined) {
      problem(['rules', index, 'keep'], `"${rule.keep}" is neither an ISO 8601 period of years, months and days (P7Y, P15M) nor "none"`);
    }
    return { id: rule.id, when: readTests(rule.when), from: rule.from, keep, keepText: rule.keep, provenance: rule.provenance };
  });

  if (findings.length > 0) throw new InputError(findings);
  return { id: written.id, version: written.version, rules };
}

function readTests(when: WrittenRule['when']): Record<string, FieldTest> {
  const tests: Record<string, FieldTest> = {};
  for (const [field, written] of Object.entries(when)) {
    if (typeof written === 'string') tests[field] = { operator: 'equal', value: written };
    else if (Array.isArray(written)) tests[field] = { operator: 'in', value: written };
    else if ('notEqual' in written) tests[field] = { operator: 'notEqual', value: written.notEqual };
    else tests[field] = { operator: 'notIn', value: written.notIn };
  }
  return tests;
}

function schemaFinding(error: ErrorObject, document: SourceDocument): Finding {
  const path: PathSegment[] = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  const detail = `${error.message ?? error.keyword} ${JSON.stringify(error.params)}`;
  return errorFinding('retention:rules.invalid', { file: document.file, detail }, { file: document.file, path, ...document.locate(path) });
}
