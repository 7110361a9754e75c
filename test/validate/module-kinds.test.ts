import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/index.js';
import { validateRuleFiles } from '../../src/validate/index.js';
import { runCli } from '../support/cli.js';
import {
  accessRules,
  bibnrRules,
  copyRuleFiles,
  replaceOnce,
  retentionRules,
  ruleTestsV2,
  screeningRulesV2,
  visibilityRules,
} from './rule-files.js';

/** Line and column (1-based) of `value` in the first line of a file that contains `context`. */
function positionOf(file: string, context: string, value: string): { line: number; column: number } {
  const lines = readFileSync(file, 'utf8').split('\n');
  const index = lines.findIndex((text) => text.includes(context));
  if (index === -1) throw new Error(`"${context}" not in ${file}`);
  return { line: index + 1, column: lines[index]!.indexOf(value, lines[index]!.indexOf(context)) + 1 };
}

/** Copies the rule files with one edit and returns the errors and warnings about `relative`. */
async function findingsAfterEdit(relative: string, from: string, to: string, paths?: (folder: string) => string[]): Promise<{ file: string; errors: Finding[]; warnings: Finding[] }> {
  const folder = copyRuleFiles({ [relative]: replaceOnce(from, to) });
  const file = join(folder, relative);
  const report = await validateRuleFiles({ paths: paths ? paths(folder) : [folder] });
  const about = report.findings.filter((finding) => finding.file === file);
  return { file, errors: about.filter((finding) => finding.severity === 'error'), warnings: about.filter((finding) => finding.severity === 'warning') };
}

describe('retention rules by their loader', () => {
  it('invalid keep period', async () => {
    const { file, errors } = await findingsAfterEdit(retentionRules, 'keep: P7Y', 'keep: P7X');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toMatch(/^retention:rules\./);
    expect(errors[0]).toMatchObject({ path: ['rules', 0, 'keep'], ...positionOf(file, 'keep: P7X', 'P7X') });
  });

  it('misspelt from date field', async () => {
    const { file, errors } = await findingsAfterEdit(retentionRules, 'from: accountClosedOn', 'from: acountClosedOn');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toMatch(/^retention:rules\./);
    expect(errors[0]).toMatchObject({ path: ['rules', 0, 'from'], ...positionOf(file, 'acountClosedOn', 'acountClosedOn') });
  });

  it('owner no record can have', async () => {
    const { file, errors } = await findingsAfterEdit(retentionRules, '{ owner: woman, kind: [identification', '{ owner: women, kind: [identification');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toMatch(/^retention:rules\./);
    expect(errors[0]).toMatchObject({ path: ['rules', 0, 'when', 'owner'], ...positionOf(file, 'owner: women', 'women') });
  });
});

describe('visibility rules by their loader', () => {
  it('category no questionnaire declares', async () => {
    const { file, errors } = await findingsAfterEdit(visibilityRules, 'sees: [identification, socio-economic]\n', 'sees: [identification, socio-economic, helth]\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      code: 'validate:visibility.unknownCategory',
      path: ['roles', 1, 'sees', 2],
      params: { category: 'helth', declared: ['identification', 'socio-economic', 'health'] },
      ...positionOf(file, 'helth', 'helth'),
    });
  });

  it('granted category is checked too', async () => {
    const { errors } = await findingsAfterEdit(visibilityRules, 'grants: [health]', 'grants: [mental_health]');
    expect(errors.map((finding) => [finding.code, finding.path])).toEqual([['validate:visibility.unknownCategory', ['exceptions', 0, 'grants', 0]]]);
  });

  it('unknown role in an exception', async () => {
    const { file, errors } = await findingsAfterEdit(visibilityRules, '    role: B\n', '    role: C\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'visibility.unknownRole', params: { role: 'C' }, ...positionOf(file, 'role: C', 'C') });
  });

  it('without questionnaires warns instead', async () => {
    const { errors, warnings } = await findingsAfterEdit(visibilityRules, 'sees: [identification, socio-economic]\n', 'sees: [identification, socio-economic, helth]\n', (folder) => [
      join(folder, 'rules', 'visibility'),
    ]);
    expect(errors).toEqual([]);
    expect(warnings.map((finding) => finding.code)).toEqual(['validate:visibility.categoriesNotChecked']);
  });
});

describe('access and alternative-number rules by their loaders', () => {
  it('unknown access fact', async () => {
    const { file, errors } = await findingsAfterEdit(accessRules, '{ fact: role, operator: in', '{ fact: rolle, operator: in');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'access:rules.unknownFact', params: { fact: 'rolle' }, ...positionOf(file, 'fact: rolle', 'rolle') });
  });

  it('country alias outside the codes', async () => {
    const { file, errors } = await findingsAfterEdit(bibnrRules, 'aliases: { EL: GR, UK: GB }', 'aliases: { EL: GR, UK: XX }');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toMatch(/^identity:/);
    expect(errors[0]).toMatchObject({ path: ['countries', 'aliases', 'UK'], line: positionOf(file, 'UK: XX', 'XX').line });
  });
});

describe('rule tests by their loader', () => {
  it('unknown indicator in an expectation', async () => {
    const { file, errors } = await findingsAfterEdit(ruleTestsV2, '        communication: { status: positive, score: 2 }', '        comunication: { status: positive, score: 2 }');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'validate:ruletest.unknownIndicator', params: { id: 'comunication' }, line: positionOf(file, 'comunication', 'c').line });
  });

  it('rule set not among the paths', async () => {
    const folder = copyRuleFiles();
    const report = await validateRuleFiles({ paths: [join(folder, 'rules', 'tests')] });

    expect(report.findings.map((finding) => [finding.code, finding.params['reference']])).toEqual([
      ['validate:ruletest.ruleSetNotGiven', 'bib-screening@1.0.0'],
      ['validate:ruletest.ruleSetNotGiven', 'bib-screening@2.0.0'],
    ]);
  });

  it('rule set with errors leaves the schema check', async () => {
    const folder = copyRuleFiles({
      [screeningRulesV2]: replaceOnce('actions: [cessation_counselling]', 'actions: [cessation_counseling]'),
      [ruleTestsV2]: replaceOnce('    expect:\n', '    expected:\n'),
    });
    const report = await validateRuleFiles({ paths: [folder] });
    const about = (relative: string) => report.findings.filter((finding) => finding.file === join(folder, relative)).map((finding) => finding.code);

    expect(about(screeningRulesV2)).toContain('rules.unknownAction');
    expect(about(ruleTestsV2).sort()).toEqual(['schema.required', 'schema.unknownProperty']);
    expect(about('rules/tests/bib-screening-1.0.0.yaml')).toEqual([]);
  });

  it('rule set with errors gives a warning', async () => {
    const folder = copyRuleFiles({ [screeningRulesV2]: replaceOnce('actions: [cessation_counselling]', 'actions: [cessation_counseling]') });
    const report = await validateRuleFiles({ paths: [folder] });
    const about = report.findings.filter((finding) => finding.file === join(folder, ruleTestsV2));

    expect(about.map((finding) => [finding.severity, finding.code, finding.params['reference']])).toEqual([['warning', 'validate:ruletest.ruleSetInvalid', 'bib-screening@2.0.0']]);
  });
});

describe('kind messages in every language', () => {
  it('render without a missing text', async () => {
    const folder = copyRuleFiles({
      [screeningRulesV2]: replaceOnce('kind: ScreeningRules', 'kind: Screening'),
      [visibilityRules]: replaceOnce('sees: [identification, socio-economic]\n', 'sees: [identification, socio-economic, helth]\n'),
      'questionnaires/bib-screening-1.0.0.yaml': replaceOnce('kind: Questionnaire\n', ''),
    });
    for (const locale of ['nl', 'fr', 'de', 'en']) {
      const run = await runCli(['--locale', locale, 'validate'], { cwd: folder });
      expect(run.stderr, locale).toBe('');
      expect(run.status, locale).toBe(1);
      for (const code of ['validate:kind.unknown', 'validate:kind.missing', 'validate:visibility.unknownCategory', 'validate:ruletest.ruleSetNotGiven']) {
        expect(run.stdout, `${locale} ${code}`).toContain(`[${code}]`);
      }
    }
  });
});
