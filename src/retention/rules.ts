import { join } from 'node:path';
import { InputError } from '../findings/index.js';
import { packageRoot } from '../package-root.js';
import { parsePeriod, type Period } from '../periods/index.js';
import { readYamlFile, type SourceDocument } from '../source/index.js';
import type { RecordValues, RetentionDateField } from './fields.js';
import { rulesSchemaFindings } from './rules-schema.js';
import { readRecordValues, rulesSemanticFindings } from './rules-semantics.js';
import { byPosition } from './schema-errors.js';

export { retentionDateFields, type RecordValues, type RetentionDateField } from './fields.js';

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
  /** The owners and kinds that records can have; a record with another one is rejected. */
  recordValues: RecordValues;
  rules: RetentionRule[];
}

/** The shipped rule file. */
export const shippedRetentionRulesFile = join(packageRoot, 'rules', 'retention', 'retention-rules.yaml');

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

/**
 * Checks a parsed retention rule file and returns the rules as used. Throws InputError with
 * every finding of the schema and of the semantic checks at once, sorted by line.
 */
export function checkRetentionRules(document: SourceDocument): RetentionRuleSet {
  const findings = [...rulesSchemaFindings(document), ...rulesSemanticFindings(document)];
  if (findings.length > 0) throw new InputError(byPosition(findings));

  const written = document.data as { id: string; version: string; recordValues: unknown; rules: WrittenRule[] };
  const rules: RetentionRule[] = written.rules.map((rule) => ({
    id: rule.id,
    when: readTests(rule.when),
    from: rule.from,
    keep: rule.keep === 'none' ? undefined : parsePeriod(rule.keep),
    keepText: rule.keep,
    provenance: rule.provenance,
  }));
  return { id: written.id, version: written.version, recordValues: readRecordValues(written.recordValues)!, rules };
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
