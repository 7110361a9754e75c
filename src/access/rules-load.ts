import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errorFinding, hasErrors, type Finding, type PathSegment } from '../findings/index.js';
import { packageRoot } from '../package-root.js';
import { parsePeriod } from '../periods/index.js';
import { parseYamlText, type SourceDocument } from '../source/index.js';
import { accessFactCatalogue, isAccessFactName } from './facts.js';
import type { AccessCondition, AccessEffect, AccessRule, AccessRuleSet } from './rule-set.js';
import { checkAccessSchema, describeValue, findingAt } from './schema-validation.js';

/** The access rules shipped with bib-core. */
export const defaultAccessRulesFile: string = join(packageRoot, 'rules', 'access', 'access-rules.yaml');

export type AccessRulesOutcome = { ok: true; ruleSet: AccessRuleSet; findings: Finding[] } | { ok: false; findings: Finding[] };

/** Reads, validates and normalizes an access rules file; every problem is a finding. */
export async function loadAccessRules(file: string = defaultAccessRulesFile): Promise<AccessRulesOutcome> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    let findingCode = 'file.unreadable';
    if (code === 'ENOENT') findingCode = 'file.notFound';
    if (code === 'EISDIR') findingCode = 'file.isDirectory';
    return { ok: false, findings: [errorFinding(findingCode, { file, detail: String(code ?? cause) }, { file })] };
  }
  return parseAccessRules(text.replace(/^\uFEFF/, ''), file);
}

/** Parses access rules from YAML text; `file` names the source in findings. */
export function parseAccessRules(text: string, file: string): AccessRulesOutcome {
  const parsed = parseYamlText(text, file);
  if (!parsed.ok) return parsed;
  const document = parsed.document;

  const schemaFindings = checkAccessSchema(document.data, 'rules', document);
  if (schemaFindings.length > 0) return { ok: false, findings: schemaFindings };

  const written = document.data as WrittenRules;
  const findings: Finding[] = [];
  const periods = normalizePeriods(written.periods, document, findings);
  const rules = written.rules.map((rule, index) => normalizeRule(rule, ['rules', index], periods, document, findings));
  checkRuleList(written.rules, document, findings);
  if (hasErrors(findings)) return { ok: false, findings };

  const hash = createHash('sha256').update(text).digest('hex');
  return { ok: true, findings, ruleSet: { id: written.id, version: written.version, hash, file, periods, rules } };
}

/** The rules file as its schema allows it to be written. */
interface WrittenRules {
  id: string;
  version: string;
  periods: Record<string, string>;
  rules: WrittenRule[];
}

interface WrittenRule {
  id: string;
  effect: AccessEffect;
  mode?: 'read-only';
  when: WrittenCondition;
}

interface WrittenCondition {
  all?: WrittenCondition[];
  any?: WrittenCondition[];
  fact?: string;
  operator?: 'equal' | 'in' | 'periodRunning' | 'periodOver' | 'afterToday';
  value?: string | string[];
  period?: string;
}

function normalizePeriods(written: Record<string, string>, document: SourceDocument, findings: Finding[]): AccessRuleSet['periods'] {
  const periods: AccessRuleSet['periods'] = {};
  for (const [name, text] of Object.entries(written)) {
    const period = parsePeriod(text);
    if (!period) findings.push(findingAt('access:rules.invalidPeriod', { name, value: text }, ['periods', name], document));
    else periods[name] = { text, period };
  }
  return periods;
}

function checkRuleList(rules: readonly WrittenRule[], document: SourceDocument, findings: Finding[]): void {
  const seen = new Set<string>();
  for (const [index, rule] of rules.entries()) {
    if (seen.has(rule.id)) findings.push(findingAt('access:rules.duplicateId', { id: rule.id }, ['rules', index, 'id'], document));
    seen.add(rule.id);
  }
  if (!rules.some((rule) => rule.effect === 'permit')) {
    findings.push(findingAt('access:rules.noPermit', {}, ['rules'], document));
  }
}

function normalizeRule(
  rule: WrittenRule,
  path: PathSegment[],
  periods: AccessRuleSet['periods'],
  document: SourceDocument,
  findings: Finding[],
): AccessRule {
  if (rule.effect === 'restrict' && rule.mode === undefined) {
    findings.push(findingAt('access:rules.modeMissing', { id: rule.id }, path, document));
  }
  if (rule.effect !== 'restrict' && rule.mode !== undefined) {
    findings.push(findingAt('access:rules.modeNotAllowed', { id: rule.id, effect: rule.effect }, [...path, 'mode'], document));
  }

  const when = normalizeCondition(rule.when, [...path, 'when'], periods, document, findings);
  return { id: rule.id, effect: rule.effect, ...(rule.mode ? { mode: rule.mode } : {}), when };
}

/** Checks one condition and turns it into its used form; problems become findings. */
function normalizeCondition(
  written: WrittenCondition,
  path: PathSegment[],
  periods: AccessRuleSet['periods'],
  document: SourceDocument,
  findings: Finding[],
): AccessCondition {
  const shapes = (['all', 'any', 'fact'] as const).filter((key) => written[key] !== undefined);
  if (shapes.length !== 1) {
    findings.push(findingAt('access:rules.conditionShape', { keys: Object.keys(written).join(', ') }, path, document));
    return { all: [] };
  }

  if (written.all) return { all: written.all.map((inner, index) => normalizeCondition(inner, [...path, 'all', index], periods, document, findings)) };
  if (written.any) return { any: written.any.map((inner, index) => normalizeCondition(inner, [...path, 'any', index], periods, document, findings)) };
  return normalizeFactCondition(written, path, periods, document, findings);
}

function normalizeFactCondition(
  written: WrittenCondition,
  path: PathSegment[],
  periods: AccessRuleSet['periods'],
  document: SourceDocument,
  findings: Finding[],
): AccessCondition {
  const fact = written.fact ?? '';
  const unusable: AccessCondition = { all: [] };
  if (!isAccessFactName(fact)) {
    const allowed = Object.keys(accessFactCatalogue).join(', ');
    findings.push(findingAt('access:rules.unknownFact', { fact, allowed }, [...path, 'fact'], document));
    return unusable;
  }
  if (written.operator === undefined) {
    findings.push(findingAt('access:rules.operatorMissing', { fact }, path, document));
    return unusable;
  }

  const definition = accessFactCatalogue[fact];
  const operator = written.operator;
  const expectsDate = operator === 'periodRunning' || operator === 'periodOver' || operator === 'afterToday';
  if (expectsDate !== (definition.kind === 'date')) {
    findings.push(findingAt('access:rules.operatorForFact', { fact, operator, kind: definition.kind }, [...path, 'operator'], document));
    return unusable;
  }

  if (definition.kind === 'enum') {
    return normalizeValueCondition(written, fact, definition.values, path, document, findings) ?? unusable;
  }
  return normalizeDateCondition(written, fact, path, periods, document, findings) ?? unusable;
}

function normalizeValueCondition(
  written: WrittenCondition,
  fact: string,
  domain: readonly string[],
  path: PathSegment[],
  document: SourceDocument,
  findings: Finding[],
): AccessCondition | undefined {
  const operator = written.operator as 'equal' | 'in';
  const value = written.value;
  const wantsList = operator === 'in';
  if (written.period !== undefined) {
    findings.push(findingAt('access:rules.periodNotAllowed', { operator }, [...path, 'period'], document, true));
  }
  if (value === undefined || Array.isArray(value) !== wantsList) {
    const expected = wantsList ? 'list' : 'single';
    findings.push(findingAt(`access:rules.value.${expected}`, { operator, fact, value: describeValue(value) }, [...path, 'value'], document));
    return undefined;
  }

  const values = Array.isArray(value) ? value : [value];
  const unknown = values.filter((entry) => !domain.includes(entry));
  if (unknown.length > 0) {
    findings.push(
      findingAt('access:rules.unknownValue', { fact, value: unknown.join(', '), allowed: domain.join(', ') }, [...path, 'value'], document),
    );
    return undefined;
  }
  return Array.isArray(value) ? { fact, operator: 'in', value } : { fact, operator: 'equal', value };
}

function normalizeDateCondition(
  written: WrittenCondition,
  fact: string,
  path: PathSegment[],
  periods: AccessRuleSet['periods'],
  document: SourceDocument,
  findings: Finding[],
): AccessCondition | undefined {
  const operator = written.operator as 'periodRunning' | 'periodOver' | 'afterToday';
  if (written.value !== undefined) {
    findings.push(findingAt('access:rules.valueNotAllowed', { operator }, [...path, 'value'], document, true));
    return undefined;
  }
  if (operator === 'afterToday') {
    if (written.period !== undefined) findings.push(findingAt('access:rules.periodNotAllowed', { operator }, [...path, 'period'], document, true));
    return { fact, operator };
  }

  const periodName = written.period;
  const period = periodName === undefined ? undefined : periods[periodName];
  if (periodName === undefined || !period) {
    const allowed = Object.keys(periods).join(', ');
    findings.push(findingAt('access:rules.unknownPeriod', { operator, period: periodName ?? '', allowed }, [...path, 'period'], document));
    return undefined;
  }
  return { fact, operator, period: period.text, periodName };
}
