import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { createTranslator } from '../../src/i18n/index.js';
import { loadCatalog, loadShippedCatalog, toHundredths } from '../../src/ruleset/index.js';
import { parseAnswersText, screen } from '../../src/screening/index.js';
import { parseYamlText } from '../../src/source/index.js';
import { copyShippedRuleSet, questionnaireV2, rulesV2 } from '../support/ruleset-copy.js';

async function loadCopy(edits: Parameters<typeof copyShippedRuleSet>[0]) {
  const folder = copyShippedRuleSet(edits);
  return { folder, ...(await loadCatalog([folder])) };
}

describe('YAML faults in rule files', () => {
  it('"no" where a boolean is expected is rejected with its line', async () => {
    const { catalog, findings } = await loadCopy({
      [questionnaireV2]: (text) => text.replace('{ id: phone, required: false }', '{ id: phone, required: no }'),
    });
    expect(catalog).toBeUndefined();
    const finding = findings.find((entry) => entry.code === 'schema.type');
    expect(finding?.params['expected']).toBe('boolean');
    expect(finding?.line).toBe(18);
    expect(finding?.file).toMatch(/bib-screening-2\.0\.0\.yaml$/);
  });

  it('NO stays the string "NO" (YAML 1.2 core schema)', () => {
    const parsed = parseYamlText('country: NO\nanswer: no\nflag: yes\n', 'inline.yaml');
    expect(parsed.ok && parsed.document.data).toEqual({ country: 'NO', answer: 'no', flag: 'yes' });
  });

  it('duplicate key in a rule file is rejected with its line', async () => {
    const { catalog, findings } = await loadCopy({
      [rulesV2]: (text) => text.replace('pointsRange: { min: 0, max: 4 }', 'pointsRange: { min: 0, max: 4 }\npointsRange: { min: 0, max: 5 }'),
    });
    expect(catalog).toBeUndefined();
    expect(findings[0]?.code).toBe('yaml.duplicateKey');
    expect(findings[0]?.line).toBe(18);
    expect(findings[0]?.params['key']).toBe('pointsRange');
  });

  it('unquoted version 1.10 is rejected, quoted kept as "1.10"', async () => {
    const unquoted = await loadCopy({ [rulesV2]: (text) => text.replace('version: "2.0.0"', 'version: 1.10') });
    expect(unquoted.catalog).toBeUndefined();
    expect(unquoted.findings.map((finding) => finding.code)).toContain('schema.versionNotString');

    const parsed = parseYamlText('version: "1.10"\n', 'inline.yaml');
    expect(parsed.ok && parsed.document.data).toEqual({ version: '1.10' });
  });

  it('decimal comma in points is rejected with the fix', async () => {
    const { catalog, findings } = await loadCopy({
      [rulesV2]: (text) =>
        text.replace('points: { belgium: 0, eu: 0.5, outside_eu: 1 }', 'points:\n          belgium: 0\n          eu: 0,5\n          outside_eu: 1'),
    });
    expect(catalog).toBeUndefined();
    const finding = findings.find((entry) => entry.code === 'schema.decimalComma');
    expect(finding?.params['suggestion']).toBe('0.5');
    expect(finding?.line).toBe(38);
    expect(finding?.column).toBe(15);
  });

  it('more than two decimals is rejected', async () => {
    const { catalog, findings } = await loadCopy({ [rulesV2]: (text) => text.replace('eu: 0.5,', 'eu: 0.505,') });
    expect(catalog).toBeUndefined();
    expect(findings.map((finding) => finding.code)).toContain('rules.tooManyDecimals');
  });
});

describe('exact decimal arithmetic', () => {
  it('converts two-place decimals exactly', () => {
    expect(toHundredths(0.7)).toBe(70);
    expect(toHundredths(0.1)).toBe(10);
    expect(toHundredths(2.55)).toBe(255);
    expect(toHundredths(1.005)).toBeUndefined();
  });

  it('0.7 plus 0.1 reaches a threshold of 0.8', async () => {
    const { catalog } = await loadCopy({
      [rulesV2]: (text) =>
        text
          .replace('thresholdRange: { min: 0.5, max: 8 }', 'thresholdRange: { min: 0.5, max: 8 }')
          .replace('points: { "yes": 0, with_difficulty: 1, interpreter_needed: 2 }', 'points: { "yes": 0, with_difficulty: 0.7, interpreter_needed: 2 }')
          .replace('points: { "yes": 0, with_help: 1, "no": 2 }', 'points: { "yes": 0, with_help: 0.1, "no": 2 }')
          .replace(/- id: communication\n    threshold: \{ value: 2,/, '- id: communication\n    threshold: { value: 0.8,'),
    });
    expect(0.7 + 0.1 >= 0.8).toBe(false);
    const result = await screen(
      { questionnaire: 'bib-screening@2.0.0', answers: { language_barrier: 'with_difficulty', reading_difficulty: 'with_help' } },
      { catalog: catalog! },
    );
    const communication = result.indicators.find((indicator) => indicator.id === 'communication')!;
    expect(communication.score).toBe(0.8);
    expect(communication.threshold).toBe(0.8);
    expect(communication.status).toBe('positive');
    expect(result.carePaths.map((carePath) => carePath.id)).toContain('interpreting');
  });
});

describe('missing answers never count as negative', () => {
  it('a notIn escalation does not fire on an unanswered item', async () => {
    const { catalog } = await loadCopy({
      [rulesV2]: (text) => text.replace('when: { answer: housing_type, in: [no_fixed_address] }', 'when: { answer: housing_problems, notIn: ["no"] }'),
    });
    const base = { questionnaire: 'bib-screening@2.0.0', answers: { housing_type: 'shelter' } };
    const unanswered = await screen(base, { catalog: catalog! });
    expect(unanswered.carePaths.find((carePath) => carePath.id === 'housing_support')?.priority).toBe('high');

    const declined = await screen({ ...base, answers: { ...base.answers, housing_problems: 'declined' } }, { catalog: catalog! });
    expect(declined.carePaths.find((carePath) => carePath.id === 'housing_support')?.priority).toBe('high');

    const answered = await screen({ ...base, answers: { ...base.answers, housing_problems: 'yes' } }, { catalog: catalog! });
    expect(answered.carePaths.find((carePath) => carePath.id === 'housing_support')?.priority).toBe('urgent');
  });

  it('an unanswered controlling item keeps the dependent item enabled', async () => {
    const result = await screen({ questionnaire: 'bib-screening@2.0.0', answers: {} });
    const partner = result.indicators.find((indicator) => indicator.id === 'partner_occupation')!;
    expect(partner.status).toBe('incomplete');
  });

  it('a null answer is unanswered, not zero', async () => {
    const catalog = await loadShippedCatalog();
    const { answerSet } = parseAnswersText('questionnaire: bib-screening@2.0.0\nanswers:\n  tobacco:\n', 'inline.yaml', catalog);
    expect(answerSet.answers).toEqual({});
    const result = await screen({ questionnaire: 'bib-screening@2.0.0', answers: { tobacco: null } });
    expect(result.indicators.find((indicator) => indicator.id === 'substance_use')?.status).toBe('incomplete');
  });

  it('everything declined triggers no care path and leaves indicators open', async () => {
    const result = await screen({ questionnaire: 'bib-screening@2.0.0', answers: { violence: 'declined' }, followUps: { safe_to_go_home: 'no' } });
    expect(result.indicators.find((indicator) => indicator.id === 'domestic_violence')?.status).toBe('incomplete');
    expect(result.carePaths.map((carePath) => carePath.id)).not.toContain('violence_safety');
  });

  it('the engine refuses negative operators', async () => {
    const { runRules } = await import('../../src/engine/index.js');
    await expect(
      runRules([{ conditions: { all: [{ fact: 'answer:tobacco', operator: 'notEqual', value: 'yes' }] }, event: { type: 'x' } }], {}),
    ).rejects.toThrow(/notEqual/);
  });
});

describe('translations', () => {
  it('a missing key throws instead of showing the key', () => {
    const translator = createTranslator('nl');
    expect(() => translator.t('screening:indicators.no_such_indicator.name')).toThrow(/missing translation/);
  });
});

describe('rule set content hash', () => {
  it('ignores comments and formatting', async () => {
    const reformatted = await loadCopy({
      [rulesV2]: (text) => `# an extra comment\n${stringify(parseDocument(text).toJS(), { indent: 4, flowCollectionPadding: false })}`,
    });
    const shipped = await loadShippedCatalog();
    expect(reformatted.catalog!.screenings.get('bib-screening@2.0.0')!.sha256).toBe(shipped.screenings.get('bib-screening@2.0.0')!.sha256);
  });

  it('changes with a threshold', async () => {
    const changed = await loadCopy({ [rulesV2]: (text) => text.replace('- id: education\n    threshold: { value: 2,', '- id: education\n    threshold: { value: 2.5,') });
    const shipped = await loadShippedCatalog();
    expect(changed.catalog!.screenings.get('bib-screening@2.0.0')!.sha256).not.toBe(shipped.screenings.get('bib-screening@2.0.0')!.sha256);
  });
});

describe('json output', () => {
  it('is byte-identical across runs with numbers as numbers', async () => {
    const { runCli } = await import('../support/cli.js');
    const file = join('test', 'fixtures', 'screening', 'half-point-below.yaml');
    const first = await runCli(['screen', file, '--format', 'json']);
    const second = await runCli(['screen', file, '--format', 'json']);
    expect(first.stdout).toBe(second.stdout);
    expect(first.stdout).toContain('"score": 0.5');
    expect(first.stdout).not.toContain('"0.5"');
  });
});

describe('enable conditions', () => {
  it('a chain of enable conditions is rejected', async () => {
    const { catalog, findings } = await loadCopy({
      [questionnaireV2]: (text) =>
        text.replace('  - id: support_persons\n    category: socio-economic\n', '  - id: support_persons\n    category: socio-economic\n    enableWhen: { answer: partner_occupation, in: [employed] }\n'),
    });
    expect(catalog).toBeUndefined();
    const finding = findings.find((entry) => entry.code === 'rules.enableChain');
    expect(finding?.params).toMatchObject({ item: 'support_persons', controlling: 'partner_occupation' });
    expect(finding?.line).toBe(59);
  });

  it('an answer to an item not asked is ignored and reported', async () => {
    const result = await screen({ questionnaire: 'bib-screening@2.0.0', answers: { has_partner: 'no', partner_occupation: 'no_income' } });
    expect(result.indicators.find((indicator) => indicator.id === 'partner_occupation')?.status).toBe('not_applicable');
    expect(result.ignoredAnswers).toEqual([{ item: 'partner_occupation', option: 'no_income', reason: 'disabled' }]);
  });
});

describe('rule copies with untranslated content', () => {
  const withNewOption = () =>
    copyShippedRuleSet({
      [questionnaireV2]: (text) => text.replace('options: [own_or_rented, social_housing,', 'options: [own_or_rented, caravan, social_housing,'),
      [rulesV2]: (text) => text.replace('points: { own_or_rented: 0, social_housing: 0,', 'points: { own_or_rented: 0, caravan: 3, social_housing: 0,'),
    });

  it('screen as json works before the texts exist', async () => {
    const { runCli } = await import('../support/cli.js');
    const folder = withNewOption();
    const answers = join(folder, 'answers.yaml');
    writeFileSync(answers, 'questionnaire: bib-screening@2.0.0\nanswers:\n  housing_type: caravan\n');
    const run = await runCli(['screen', answers, '--rules', folder, '--format', 'json']);
    expect(run.status).toBe(0);
    const housing = (JSON.parse(run.stdout) as { indicators: { id: string; status: string }[] }).indicators.find((indicator) => indicator.id === 'housing_situation');
    expect(housing?.status).toBe('positive');
  });

  it('screen as text names the missing text', async () => {
    const { runCli } = await import('../support/cli.js');
    const folder = withNewOption();
    const answers = join(folder, 'answers.yaml');
    writeFileSync(answers, 'questionnaire: bib-screening@2.0.0\nanswers:\n  housing_type: caravan\n');
    const run = await runCli(['--locale', 'en', 'screen', answers, '--rules', folder]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('questionnaire:items.housing_type.options.caravan');
  });
});

describe('follow-up questions', () => {
  it('one asked by two care paths is rejected', async () => {
    const { catalog, findings } = await loadCopy({
      [rulesV2]: (text) =>
        text.replace(
          '    actions: [cessation_counselling]\n',
          '    actions: [cessation_counselling]\n    followUps:\n      - id: self_harm_thoughts\n        on: "yes"\n        action: same_day_mental_health_assessment\n        priority: urgent\n',
        ),
    });
    expect(catalog).toBeUndefined();
    const finding = findings.find((entry) => entry.code === 'rules.followUpOfOtherCarePath');
    expect(finding?.params).toMatchObject({ id: 'self_harm_thoughts', carePath: 'substance_use_support', other: 'perinatal_mental_health' });
    expect(finding?.line).toBeGreaterThan(200);
  });
});

describe('rule folders', () => {
  it('a repository checkout reads only its content folders', async () => {
    const { runCli, projectRoot } = await import('../support/cli.js');
    const run = await runCli(['screen', join('test', 'fixtures', 'screening', 'homeless-urgent.yaml'), '--rules', projectRoot, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { ruleSet: { version: string } }).ruleSet.version).toBe('2.0.0');
  });
});
