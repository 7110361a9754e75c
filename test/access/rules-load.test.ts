import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  accessFactCatalogue,
  compileAccessRule,
  defaultAccessRulesFile,
  parseAccessRules,
  type AccessRuleSet,
} from '../../src/access/index.js';
import type { Finding } from '../../src/findings/index.js';
import { shippedRuleSet } from './support.js';

const shippedText = readFileSync(defaultAccessRulesFile, 'utf8');

/** Parses the shipped rules with one text replacement and returns the findings. */
function findingsAfter(search: string | RegExp, replacement: string): Finding[] {
  const text = shippedText.replace(search, replacement);
  expect(text).not.toBe(shippedText);
  const outcome = parseAccessRules(text, 'access-rules.yaml');
  expect(outcome.ok).toBe(false);
  return outcome.findings;
}

function lineOf(search: string): number {
  const index = shippedText.indexOf(search);
  expect(index).toBeGreaterThanOrEqual(0);
  return shippedText.slice(0, index).split('\n').length;
}

let ruleSet: AccessRuleSet;

beforeAll(async () => {
  ruleSet = await shippedRuleSet();
});

describe('shipped access rules', () => {
  it('load with id, version and periods', () => {
    expect(ruleSet.id).toBe('bib-access-rules');
    expect(ruleSet.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(ruleSet.periods['careRelationship']?.period).toEqual({ months: 15 });
    expect(ruleSet.periods['partnerNotice']?.period).toEqual({ months: 1 });
  });

  it('have one permit rule first', () => {
    expect(ruleSet.rules.filter((rule) => rule.effect === 'permit').map((rule) => rule.id)).toEqual(['care-relationship-access']);
    expect(ruleSet.rules[0]?.effect).toBe('permit');
  });

  it('compile without negative operators', () => {
    const compiled = JSON.stringify(ruleSet.rules.map(compileAccessRule));
    expect(compiled).not.toMatch(/"operator":"(notEqual|notIn|doesNotContain|not:[^"]*)"/);
    expect(compiled).not.toContain('"not":');
  });

  it('test every fact of the catalogue', () => {
    const used = new Set(JSON.stringify(ruleSet.rules).match(/"fact":"[A-Za-z]+"/g)?.map((match) => match.slice(8, -1)));
    expect([...used].sort()).toEqual(Object.keys(accessFactCatalogue).sort());
  });
});

describe('parseAccessRules findings', () => {
  it('rejects a negative operator with its line', () => {
    const findings = findingsAfter('{ fact: role, operator: in, value: [A, B] }', '{ fact: role, operator: notEqual, value: none }');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'access:schema.enum', line: lineOf('{ fact: role, operator: in, value: [A, B] }') });
    expect(findings[0]?.params['allowed']).toBe('equal, in, periodRunning, periodOver, afterToday');
  });

  it('rejects a not condition', () => {
    const findings = findingsAfter(
      'when: { fact: role, operator: equal, value: none }',
      'when: { not: { fact: role, operator: in, value: [A, B] } }',
    );
    expect(findings[0]).toMatchObject({ code: 'access:schema.unknownProperty', params: { property: 'not' } });
  });

  it('rejects an unknown fact', () => {
    const findings = findingsAfter('{ fact: professionalStatus, operator: equal, value: active }', '{ fact: professionalState, operator: equal, value: active }');
    expect(findings).toEqual([
      expect.objectContaining({ code: 'access:rules.unknownFact', params: expect.objectContaining({ fact: 'professionalState' }) }),
    ]);
  });

  it('rejects a value the fact never has', () => {
    const findings = findingsAfter('{ fact: consent, operator: equal, value: given }', '{ fact: consent, operator: equal, value: Given }');
    expect(findings).toEqual([expect.objectContaining({ code: 'access:rules.unknownValue', line: lineOf('{ fact: consent, operator: equal, value: given }') })]);
  });

  it('rejects a single value for in', () => {
    const findings = findingsAfter('{ fact: role, operator: in, value: [A, B] }', '{ fact: role, operator: in, value: A }');
    expect(findings[0]?.code).toBe('access:rules.value.list');
  });

  it('rejects a period operator on a value fact', () => {
    const findings = findingsAfter('{ fact: consent, operator: equal, value: given }', '{ fact: consent, operator: periodRunning, period: careRelationship }');
    expect(findings[0]?.code).toBe('access:rules.operatorForFact');
  });

  it('rejects an undefined period', () => {
    const findings = findingsAfter(
      '{ fact: relationshipRenewedOn, operator: periodRunning, period: careRelationship }',
      '{ fact: relationshipRenewedOn, operator: periodRunning, period: careRelation }',
    );
    expect(findings[0]).toMatchObject({ code: 'access:rules.unknownPeriod', params: { period: 'careRelation' } });
  });

  it.each([
    ['careRelationship: P15M', 'careRelationship: 15 months', 'access:schema.period'],
    ['careRelationship: P15M', 'careRelationship: P', 'access:rules.invalidPeriod'],
    ['careRelationship: P15M', 'careRelationship: PT15H', 'access:schema.period'],
  ])('rejects period %s written as %s', (search, replacement, code) => {
    const findings = findingsAfter(search, replacement);
    expect(findings[0]).toMatchObject({ code, line: lineOf(search) });
  });

  it('rejects a duplicate rule id', () => {
    const findings = findingsAfter('- id: professional-inactive', '- id: discretion-only');
    expect(findings).toEqual([expect.objectContaining({ code: 'access:rules.duplicateId', params: { id: 'discretion-only' } })]);
  });

  it('rejects rules without a permit', () => {
    const findings = findingsAfter('effect: permit', 'effect: notice');
    expect(findings.map((finding) => finding.code)).toEqual(['access:rules.noPermit']);
  });

  it('rejects a restrict rule without mode', () => {
    const findings = findingsAfter('    mode: read-only\n', '');
    expect(findings.map((finding) => finding.code)).toEqual(['access:rules.modeMissing']);
  });

  it('rejects a condition with two shapes', () => {
    const findings = findingsAfter(
      'when: { fact: role, operator: equal, value: none }',
      'when: { fact: role, operator: equal, value: none, any: [{ fact: role, operator: equal, value: B }] }',
    );
    expect(findings[0]?.code).toBe('access:rules.conditionShape');
  });

  it('rejects an unquoted version number', () => {
    const findings = findingsAfter('version: "1.0.0"', 'version: 1.10');
    expect(findings[0]).toMatchObject({ code: 'access:schema.type', path: ['version'], line: lineOf('version: "1.0.0"') });
  });

  it('rejects a duplicate key with its line', () => {
    const findings = findingsAfter('  partnerNotice: P1M\n', '  partnerNotice: P1M\n  partnerNotice: P2M\n');
    expect(findings[0]).toMatchObject({ code: 'yaml.duplicateKey', line: lineOf('  partnerNotice: P1M') + 1 });
  });

  it('stamps the content hash', () => {
    const same = parseAccessRules(shippedText, 'copy.yaml');
    const changed = parseAccessRules(shippedText.replace('careRelationship: P15M', 'careRelationship: P16M'), 'copy.yaml');
    expect(same.ok).toBe(true);
    expect(changed.ok).toBe(true);
    if (!same.ok || !changed.ok) return;
    expect(same.ruleSet.hash).toBe(ruleSet.hash);
    expect(changed.ruleSet.hash).not.toBe(ruleSet.hash);
  });
});
