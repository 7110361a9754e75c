import { describe, expect, it } from 'vitest';
import { runBin, runCli } from '../support/cli.js';
import { copyShippedRuleSet, rulesV2 } from '../support/ruleset-copy.js';
import { outputSchema } from './schema-support.js';

const fixture = (name: string) => `test/fixtures/rulesets/${name}`;

describe('bib validate', () => {
  it('groups findings by file', async () => {
    const run = await runCli(['--locale', 'en', 'validate', fixture('unknown-item')]);
    const lines = run.stdout.split('\n');

    expect(run.status).toBe(1);
    expect(lines[0]).toBe('test/fixtures/rulesets/unknown-item/questionnaire.yaml');
    expect(lines[1]).toMatch(/^ {2}25:9 {2}warning {2}items\[4\]\.id: no indicator of bib-screening-rules@9\.0\.0 reads the item loss_of_interest/);
    expect(lines[3]).toBe('test/fixtures/rulesets/unknown-item/rules.yaml');
    expect(run.stdout).toContain('34:15  error    indicators[2].items[1].item: "loss_of_intrest" is not an item of questionnaire bib-screening@9.0.0.');
    expect(run.stdout).toContain('1 error and 2 warnings in 2 files.');
    expect(run.stderr).toBe('');
  });

  it('exits 0 with warnings only', async () => {
    const run = await runCli(['validate', fixture('item-not-scored')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('[validate:checks.itemNotScored]');
  });

  it('reports every finding, not the first', async () => {
    const copy = copyShippedRuleSet({
      [rulesV2]: (text) =>
        text
          .replace('points: { belgium: 0, eu: 0.5, outside_eu: 1 }', 'points: { belgium: 0, eu: "0,5", outside_eu: 1 }')
          .replace('    trigger: { positive: communication }\n    priority: normal', '    trigger: { positive: communication }\n    priority: 5'),
    });
    const run = await runCli(['--locale', 'en', 'validate', copy]);
    const codes = [...run.stdout.matchAll(/\[([\w.:]+)\]$/gm)].map((match) => match[1]);

    expect(run.status).toBe(1);
    expect(codes).toEqual(['validate:provenance.remaining', 'validate:provenance.remaining', 'schema.decimalComma', 'schema.type']);
  });

  it('reports every semantic finding', async () => {
    const copy = copyShippedRuleSet({
      [rulesV2]: (text) =>
        text
          .replace('actions: [cessation_counselling]', 'actions: [cessation_counseling]')
          .replace('  - id: domestic_violence\n    threshold: { value: 4,', '  - id: domestic_violence\n    threshold: { value: 5,'),
    });
    const run = await runCli(['--locale', 'en', 'validate', copy]);
    const codes = [...run.stdout.matchAll(/\[([\w.:]+)\]$/gm)].map((match) => match[1]);

    expect(codes).toEqual([
      'validate:provenance.remaining',
      'validate:provenance.remaining',
      'validate:checks.thresholdUnreachable',
      'rules.unknownAction',
      'validate:checks.carePathNeverTriggers',
    ]);
  });

  it('missing path exits 2', async () => {
    const run = await runCli(['--locale', 'en', 'validate', 'rules/screening', 'no-such-rules']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('no-such-rules: error: no-such-rules not found. Check the path.\n');
  });

  it('json output matches its schema', async () => {
    const run = await runCli(['--locale', 'fr', 'validate', '--format', 'json', fixture('missing-translation')]);
    const output = JSON.parse(run.stdout) as { code: string; message: string; file: string; line: number }[];
    const validate = outputSchema('validate-output-1');

    expect(validate(output), JSON.stringify(validate.errors)).toBe(true);
    expect(run.stdout.endsWith(']\n')).toBe(true);
    expect(output.filter((finding) => finding.code === 'validate:translation.item')).toHaveLength(4);
    expect(output.find((finding) => finding.code === 'validate:translation.item')?.message).toContain('n’a pas de texte en langue nl');
  });

  it('every message exists in every language', async () => {
    const fixtures = ['schema-error', 'unknown-item', 'threshold-unreachable', 'threshold-always-reached', 'care-path-never-triggers', 'identification-category-missing', 'missing-translation', 'item-not-scored'];
    for (const locale of ['nl', 'fr', 'de', 'en']) {
      for (const name of fixtures) {
        const run = await runCli(['--locale', locale, 'validate', '--strict', fixture(name)]);
        expect(run.status, run.stderr).toBe(1);
        expect(run.stderr).toBe('');
      }
    }
  });
});

describe('bib validate through the bin', () => {
  it('shipped rule sets exit 0', () => {
    const run = runBin(['--locale', 'en', 'validate', 'rules/screening', 'questionnaires', 'rules/tests']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('0 errors and 2 warnings in 6 files.');
  });

  it('broken rule set exits 1', () => {
    const run = runBin(['validate', '--format', 'json', fixture('care-path-never-triggers')]);
    const output = JSON.parse(run.stdout) as { code: string; line: number; column: number }[];
    expect(run.status).toBe(1);
    expect(output.find((finding) => finding.code === 'validate:checks.carePathNeverTriggers')).toMatchObject({ line: 96, column: 14 });
  });
});
