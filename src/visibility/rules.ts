import { join } from 'node:path';
import { errorFinding, InputError, InternalError, type Finding } from '../findings/index.js';
import { packageRoot } from '../package-root.js';
import { checkAgainstSchema } from '../ruleset/index.js';
import { readYamlFile } from '../source/index.js';

/** One role and the data categories it sees. */
export interface RoleRule {
  id: string;
  sees: readonly string[];
}

/** An exception that grants more categories to a role under conditions, when enabled. */
export interface VisibilityException {
  id: string;
  enabled: boolean;
  role: string;
  requires: readonly ('care_coordinator' | 'explicit_permission')[];
  grants: readonly string[];
}

/** The visibility rule set: which role sees which data category. */
export interface VisibilityRules {
  id: string;
  version: string;
  roles: readonly RoleRule[];
  exceptions: readonly VisibilityException[];
  source: { file: string };
}

export function shippedVisibilityRulesFile(): string {
  return join(packageRoot, 'rules', 'visibility', 'visibility-rules.yaml');
}

/**
 * Reads and checks a visibility rule file. Returns every finding: schema violations, a role
 * declared twice, and an exception for an undeclared role.
 */
export async function readVisibilityRules(file: string): Promise<{ rules?: VisibilityRules; findings: Finding[] }> {
  const parsed = await readYamlFile(file);
  if (!parsed.ok) return { findings: parsed.findings };
  const { document } = parsed;

  const findings = checkAgainstSchema(document, 'visibility-rules-1');
  if (findings.length > 0) return { findings };

  const written = document.data as Omit<VisibilityRules, 'source' | 'exceptions'> & { exceptions?: VisibilityException[] };
  const seen = new Set<string>();
  written.roles.forEach((role, index) => {
    if (seen.has(role.id)) findings.push(errorFinding('rules.duplicateId', { id: role.id }, { file, path: ['roles', index, 'id'], ...document.locate(['roles', index, 'id']) }));
    seen.add(role.id);
  });
  (written.exceptions ?? []).forEach((exception, index) => {
    if (!seen.has(exception.role)) {
      findings.push(
        errorFinding('visibility.unknownRole', { role: exception.role, allowed: [...seen] }, { file, path: ['exceptions', index, 'role'], ...document.locate(['exceptions', index, 'role']) }),
      );
    }
  });
  if (findings.length > 0) return { findings };

  return {
    rules: { id: written.id, version: written.version, roles: written.roles, exceptions: written.exceptions ?? [], source: { file } },
    findings,
  };
}

let shipped: Promise<VisibilityRules> | undefined;

/** The shipped visibility rules, loaded once per process; invalid shipped rules are an internal error. */
export function loadShippedVisibilityRules(): Promise<VisibilityRules> {
  shipped ??= readVisibilityRules(shippedVisibilityRulesFile()).then(({ rules, findings }) => {
    if (!rules) throw new InternalError(`the shipped visibility rules are invalid: ${JSON.stringify(findings.slice(0, 3))}`);
    return rules;
  });
  return shipped;
}

/** Loads a visibility rule file given by the caller; throws InputError with every finding. */
export async function loadVisibilityRules(file: string): Promise<VisibilityRules> {
  const { rules, findings } = await readVisibilityRules(file);
  if (!rules) throw new InputError(findings);
  return rules;
}
