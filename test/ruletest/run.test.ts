import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/findings/index.js';
import { loadShippedCatalog } from '../../src/ruleset/index.js';
import { runRuleTests, type RuleTestReport } from '../../src/ruletest/index.js';
import { projectRoot, runBin, runCli } from '../support/cli.js';
import { outputSchema } from '../validate/schema-support.js';

const fixtures = join(projectRoot, 'test', 'ruletest', 'fixtures');
const shippedTests = join(projectRoot, 'rules', 'tests');

async function rejection(path: string): Promise<InputError> {
  const catalog = await loadShippedCatalog();
  const error = await runRuleTests({ paths: [path], catalog }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('shipped rule tests', () => {
  it('all cases pass', async () => {
    const report = await runRuleTests({ paths: [shippedTests], catalog: await loadShippedCatalog() });
    expect(report.summary).toEqual({ passed: 72, failed: 0 });
    expect(report.files.map((file) => file.slice(shippedTests.length + 1))).toEqual(['bib-screening-1.0.0.yaml', 'bib-screening-2.0.0.yaml']);
  });

  it('reach full coverage of both versions', async () => {
    const report = await runRuleTests({ paths: [shippedTests], catalog: await loadShippedCatalog(), coverage: true });
    expect(report.coverage!.map((coverage) => coverage.ruleSet.questionnaire)).toEqual(['bib-screening@1.0.0', 'bib-screening@2.0.0']);
    for (const coverage of report.coverage!) expect(coverage.uncovered, coverage.ruleSet.questionnaire).toEqual([]);
  });

  it('boundaries are the reachable scores', async () => {
    const report = await runRuleTests({ paths: [shippedTests], catalog: await loadShippedCatalog(), coverage: true });
    const v2 = report.coverage!.find((coverage) => coverage.ruleSet.questionnaire === 'bib-screening@2.0.0')!;
    const boundaries = Object.fromEntries(v2.indicators.map((indicator) => [indicator.id, [indicator.atThreshold.score, indicator.justBelow.score]]));

    expect(boundaries['social_support']).toEqual([2, 1.5]);
    expect(boundaries['place_of_birth']).toEqual([1, 0.5]);
    expect(boundaries['education']).toEqual([2, 0]);
    expect(boundaries['anxiety']).toEqual([3, 2]);
    expect(boundaries['residence_status']).toEqual([2, 1]);
  });

  it('every case names its rule set', async () => {
    const catalog = await loadShippedCatalog();
    const report = await runRuleTests({ paths: [shippedTests], catalog });
    for (const result of report.cases) {
      const ruleSet = catalog.screenings.get(result.questionnaire)!;
      expect(result.ruleSet).toEqual({ id: ruleSet.id, version: ruleSet.version, sha256: ruleSet.sha256 });
    }
  });
});

describe('failing expectation', () => {
  it('lists expected and actual values', async () => {
    const report = await runRuleTests({ paths: [join(fixtures, 'wrong-expectation.yaml')], catalog: await loadShippedCatalog() });
    const failed = report.cases.find((result) => !result.passed)!;

    expect(report.summary).toEqual({ passed: 1, failed: 1 });
    expect(failed.id).toBe('anxiety-expected-negative');
    expect(failed.line).toBe(17);
    expect(failed.column).toBe(5);
    expect(failed.mismatches).toEqual([
      { path: 'indicators.anxiety.status', expected: 'negative', actual: 'positive' },
      { path: 'indicators.anxiety.score', expected: 2, actual: 3 },
      { path: 'carePaths.perinatal_mental_health.triggered', expected: false, actual: true },
    ]);
  });

  it('exits 1 with a side-by-side table', async () => {
    const run = await runCli(['--locale', 'en', 'test', 'test/ruletest/fixtures/wrong-expectation.yaml']);
    const lines = run.stdout.split('\n');
    const failure = lines.findIndex((line) => line.startsWith('✗'));

    expect(run.status).toBe(1);
    expect(lines[failure]).toBe('✗ test/ruletest/fixtures/wrong-expectation.yaml:17:5  anxiety-expected-negative');
    expect(lines[failure + 1]).toMatch(/^ {4}value +expected +actual$/);
    expect(lines[failure + 2]).toMatch(/^ {4}indicators\.anxiety\.status +negative +positive$/);
    expect(lines[failure + 3]).toMatch(/^ {4}indicators\.anxiety\.score +2 +3$/);
    expect(lines[failure + 4]).toMatch(/^ {4}carePaths\.perinatal_mental_health\.triggered +no +yes$/);
    expect(run.stdout).toContain('1 case passed, 1 failed.');
  });

  it('json output matches its schema', async () => {
    const run = await runCli(['test', 'test/ruletest/fixtures/wrong-expectation.yaml', '--coverage', '--format', 'json']);
    const output = JSON.parse(run.stdout) as RuleTestReport;
    const validate = outputSchema('test-output-1');

    expect(run.status).toBe(1);
    expect(validate(output), JSON.stringify(validate.errors)).toBe(true);
    expect(output.cases[1]!.file).toBe('test/ruletest/fixtures/wrong-expectation.yaml');
  });
});

describe('invalid test files', () => {
  it('unknown references exit 2', async () => {
    const error = await rejection(join(fixtures, 'unknown-references.yaml'));
    const summary = error.findings.map((finding) => [finding.code, finding.line, finding.column]);

    expect(summary).toEqual([
      ['answers.unknownOption', 8, 59],
      ['validate:ruletest.unknownIndicator', 11, 9],
      ['validate:ruletest.unknownPriority', 13, 46],
    ]);
    expect(error.findings[0]!.path).toEqual(['cases', 0, 'answers', 'uncontrolled_worry']);
  });

  it('unknown questionnaire is one finding', async () => {
    const error = await rejection(join(fixtures, 'unknown-questionnaire.yaml'));
    expect(error.findings.map((finding) => [finding.code, finding.line])).toEqual([['validate:ruletest.unknownQuestionnaire', 4]]);
  });

  it('folder without cases exits 2', async () => {
    const run = await runCli(['--locale', 'en', 'test', 'test/fixtures/rulesets/valid']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no test cases found');
    expect(run.stdout).toBe('');
  });

  it('missing folder exits 2', async () => {
    const run = await runCli(['test', 'rules/no-such-tests']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('rules/no-such-tests');
  });

  it('prints positions through the CLI', async () => {
    const run = await runCli(['--locale', 'nl', 'test', 'test/ruletest/fixtures/unknown-references.yaml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('test/ruletest/fixtures/unknown-references.yaml:11:9');
    expect(run.stdout).toBe('');
  });
});

describe('coverage', () => {
  it('lists every gap of a partial file', async () => {
    const report = await runRuleTests({ paths: [join(fixtures, 'partial.yaml')], catalog: await loadShippedCatalog(), coverage: true });
    const v2 = report.coverage!.find((coverage) => coverage.ruleSet.questionnaire === 'bib-screening@2.0.0')!;

    expect(v2.uncovered).toHaveLength(15 * 2 - 1 + 10 - 1);
    expect(v2.uncovered).toContainEqual({ kind: 'justBelow', id: 'communication', score: 1 });
    expect(v2.uncovered).not.toContainEqual(expect.objectContaining({ kind: 'atThreshold', id: 'communication' }));
    expect(v2.uncovered).not.toContainEqual(expect.objectContaining({ kind: 'carePath', id: 'interpreting' }));
    expect(v2.uncovered).toContainEqual({ kind: 'carePath', id: 'care_coordination' });
  });

  it('untested rule set is all gaps', async () => {
    const report = await runRuleTests({ paths: [join(fixtures, 'partial.yaml')], catalog: await loadShippedCatalog(), coverage: true });
    const v1 = report.coverage!.find((coverage) => coverage.ruleSet.questionnaire === 'bib-screening@1.0.0')!;
    expect(v1.uncovered).toHaveLength(13 * 2 + 10);
  });

  it('text names the gaps', async () => {
    const run = await runCli(['--locale', 'en', 'test', 'test/ruletest/fixtures/partial.yaml', '--coverage']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('38 gaps in the coverage:');
    expect(run.stdout).toContain('communication: no case has the score 1, the highest below its threshold.');
  });
});

describe('bib test through the bin', () => {
  it('shipped cases pass with full coverage', () => {
    const run = runBin(['--locale', 'en', 'test', '--coverage']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('72 cases passed, 0 failed.');
    expect(run.stdout.match(/Every threshold and care path is covered\./g)).toHaveLength(2);
  });
});
