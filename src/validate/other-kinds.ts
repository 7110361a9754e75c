import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../findings/index.js';
import { packageRoot } from '../package-root.js';
import { checkAgainstSchema } from '../ruleset/index.js';
import type { RuleDocument } from './rule-documents.js';

/** The kinds that the screening loader checks in full (schema and semantic checks). */
export const screeningKinds: readonly string[] = ['Questionnaire', 'ScreeningRules'];

/**
 * Names the JSON Schema of a document kind by the convention of `schemas/`: `AccessRules`
 * is checked against `access-rules-1.schema.json`. Returns undefined when there is none.
 */
export function schemaNameOfKind(kind: string): string | undefined {
  const name = `${kind.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}-1`;
  return existsSync(join(packageRoot, 'schemas', `${name}.schema.json`)) ? name : undefined;
}

/**
 * Checks each document of another kind (access rules, rule tests, ...) against the JSON
 * Schema of its kind. Their semantic checks belong to the modules that read them.
 */
export function otherKindFindings(documents: readonly RuleDocument[]): Finding[] {
  const findings: Finding[] = [];
  for (const { kind, document } of documents) {
    if (kind === undefined || screeningKinds.includes(kind)) continue;
    const schema = schemaNameOfKind(kind);
    if (schema) findings.push(...checkAgainstSchema(document, schema));
  }
  return findings;
}
