import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, type Finding } from '../../src/findings/index.js';
import { checkRetentionRules, shippedRetentionRulesFile, type RetentionRuleSet } from '../../src/retention/index.js';
import { parseYamlText } from '../../src/source/index.js';
import { runCli } from '../support/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'bib-retention-rules-'));
const shippedText = readFileSync(shippedRetentionRulesFile, 'utf8');
const recordValues = 'recordValues:\n  owner: [woman, professional, partner]\n  kind: [identification, health, dossier_access]\n';

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** Checks a rule file and returns its findings; fails the test when the file is accepted. */
function rejectedFindings(text: string): Finding[] {
  const parsed = parseYamlText(text, 'rules.yaml');
  if (!parsed.ok) expect.fail(`fixture does not parse: ${JSON.stringify(parsed.findings)}`);
  try {
    checkRetentionRules(parsed.document);
  } catch (error) {
    if (error instanceof InputError) return [...error.findings];
    throw error;
  }
  return expect.fail('expected the rules to be rejected');
}

function acceptedRules(text: string): RetentionRuleSet {
  const parsed = parseYamlText(text, 'rules.yaml');
  if (!parsed.ok) expect.fail(`fixture does not parse: ${JSON.stringify(parsed.findings)}`);
  return checkRetentionRules(parsed.document);
}

function rulesFile(rules: string, values: string = recordValues): string {
  return `kind: RetentionRules\nid: test-rules\nversion: "1.0.0"\n${values}rules:\n${rules}`;
}

/** Returns the 1-based line and column of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" not in text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

describe('retention when values', () => {
  it('rejects an owner typo', () => {
    const text = rulesFile('  - id: a\n    when: { owner: women, kind: health }\n    from: accountClosedOn\n    keep: P7Y\n    provenance: provisional\n');
    const findings = rejectedFindings(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'retention:rules.unknownValue',
      file: 'rules.yaml',
      ...positionOf(text, 'women'),
      path: ['rules', 0, 'when', 'owner'],
      params: { field: 'owner', value: 'women', allowed: ['woman', 'professional', 'partner'] },
    });
  });

  it('points at the bad list entry', () => {
    const text = rulesFile('  - { id: a, when: { kind: [health, helth] }, from: accountClosedOn, keep: P7Y, provenance: provisional }\n');
    const [finding] = rejectedFindings(text);
    expect(finding).toMatchObject({ code: 'retention:rules.unknownValue', ...positionOf(text, 'helth'), path: ['rules', 0, 'when', 'kind', 1], params: { value: 'helth' } });
  });

  it('rejects typos under notEqual and notIn', () => {
    const text = rulesFile(
      '  - { id: a, when: { owner: { notEqual: proffesional } }, from: accountClosedOn, keep: P7Y, provenance: provisional }\n' +
        '  - { id: b, when: { kind: { notIn: [health, dossier_acces] } }, from: accountClosedOn, keep: P7Y, provenance: provisional }\n',
    );
    expect(rejectedFindings(text).map((finding) => [finding.code, finding.params['value'], finding.line])).toEqual([
      ['retention:rules.unknownValue', 'proffesional', 8],
      ['retention:rules.unknownValue', 'dossier_acces', 9],
    ]);
  });

  it('rejects a field no record has', () => {
    const text = rulesFile('  - { id: a, when: { ownr: woman }, from: accountClosedOn, keep: P7Y, provenance: provisional }\n');
    const [finding] = rejectedFindings(text);
    expect(finding).toMatchObject({ code: 'retention:rules.unknownWhenField', ...positionOf(text, 'ownr'), params: { field: 'ownr' } });
    expect(finding?.params['allowed']).toEqual(['id', 'kind', 'owner', 'accountClosedOn', 'lastAccessOn', 'letterReceivedOn', 'erasureRequestedOn', 'frozenOn']);
  });

  it('rejects a test date that is no date', () => {
    const text = rulesFile('  - { id: a, when: { frozenOn: { notEqual: "2025-02-30" } }, from: accountClosedOn, keep: P7Y, provenance: provisional }\n');
    const [finding] = rejectedFindings(text);
    expect(finding).toMatchObject({ code: 'retention:rules.badDate', params: { field: 'frozenOn', value: '2025-02-30' } });
  });

  it('accepts declared values and any id', () => {
    const rules = acceptedRules(rulesFile('  - { id: a, when: { id: anything-goes, owner: woman, kind: [health, identification] }, from: accountClosedOn, keep: P7Y, provenance: provisional }\n'));
    expect(rules.recordValues).toEqual({ owner: ['woman', 'professional', 'partner'], kind: ['identification', 'health', 'dossier_access'] });
  });

  it('needs the declared values', () => {
    const findings = rejectedFindings(rulesFile('  - { id: a, when: { owner: woman }, from: accountClosedOn, keep: P7Y, provenance: provisional }\n', ''));
    expect(findings.map((finding) => [finding.code, finding.params['field']])).toEqual([['retention:rules.missingField', 'recordValues']]);
  });

  it('declares every value the shipped rules test', async () => {
    const parsed = parseYamlText(shippedText, shippedRetentionRulesFile);
    if (!parsed.ok) expect.fail('shipped rules do not parse');
    const rules = checkRetentionRules(parsed.document);
    expect(rules.recordValues.owner).toEqual(['woman', 'professional', 'partner']);
    expect(rules.recordValues.kind).toEqual(['identification', 'socio_economic', 'health', 'dossier_access', 'user_access']);
  });
});

describe('retention rules file checks', () => {
  it('lists allowed from fields readably', () => {
    const text = rulesFile('  - { id: a, when: { owner: woman }, from: closedOn, keep: P7Y, provenance: provisional }\n');
    const [finding] = rejectedFindings(text);
    expect(finding).toMatchObject({ code: 'retention:rules.notAllowed', ...positionOf(text, 'closedOn'), params: { value: '"closedOn"' } });
    expect(finding?.params['allowed']).toEqual(['accountClosedOn', 'lastAccessOn', 'letterReceivedOn', 'erasureRequestedOn', 'frozenOn']);
  });

  it('reports schema and period in one round', () => {
    const text = rulesFile(
      '  - { id: a, when: { owner: woman }, from: closedOn, keep: P7Y, provenance: provisional }\n' +
        '  - { id: b, when: { owner: wman }, from: accountClosedOn, keep: "15 months", provenance: provisional }\n',
    );
    expect(rejectedFindings(text).map((finding) => [finding.code, finding.line])).toEqual([
      ['retention:rules.notAllowed', 8],
      ['retention:rules.unknownValue', 9],
      ['retention:rules.badPeriod', 9],
    ]);
  });

  it('names both lines of a duplicate id', () => {
    const rule = '  - { id: a, when: { owner: woman }, from: accountClosedOn, keep: P7Y, provenance: provisional }\n';
    const [finding] = rejectedFindings(rulesFile(rule + rule));
    expect(finding).toMatchObject({ code: 'retention:rules.duplicateId', line: 9, params: { id: 'a', firstLine: 8 } });
  });
});

describe('bib retention --rules', () => {
  it('rejects an owner typo in a copy', async () => {
    const typo = shippedText.replace('when: { owner: woman, kind: [identification', 'when: { owner: women, kind: [identification');
    expect(typo).not.toBe(shippedText);
    const file = join(scratch, 'typo.yaml');
    writeFileSync(file, typo);

    const run = await runCli(['--locale', 'en', 'retention', 'examples/retention/records.yaml', '--as-of', '2031-03-01', '--rules', file]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const { line, column } = positionOf(typo, 'women');
    expect(run.stderr).toContain(`${file}:${line}:${column}: error: `);
    expect(run.stderr).toContain('"women"');
    expect(run.stderr).toContain('woman, professional, partner');
  });
});
