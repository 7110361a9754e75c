import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiffReport } from '../../src/diff/index.js';
import { runBin, runCli } from '../support/cli.js';
import { outputSchema } from '../validate/schema-support.js';
import { catalogs, diffFixtures, diffOver } from './support.js';

const jsonLines = join(diffFixtures, 'anxiety-answers.jsonl');
const csv = join(diffFixtures, 'anxiety-answers.csv');
const folder = join(diffFixtures, 'anxiety-answers');

/** The counts that lowering the anxiety threshold from 3 to 2 must give on the fixture sets. */
function expectAnxietyCounts(report: DiffReport) {
  const anxiety = report.indicators.find((entry) => entry.id === 'anxiety')!;
  const mentalHealth = report.carePaths.find((entry) => entry.id === 'perinatal_mental_health')!;

  expect(report.answerSets).toEqual({ total: 10, changed: 3, scoreOnly: 0 });
  expect(anxiety.positive).toEqual({ base: 3, head: 6 });
  expect(anxiety.toPositive).toBe(3);
  expect(anxiety.fromPositive).toBe(0);
  expect(anxiety.otherChanges).toBe(0);
  expect(anxiety.transitions).toEqual([
    { from: 'negative', to: 'positive', count: 2 },
    { from: 'incomplete', to: 'positive', count: 1 },
  ]);
  expect(mentalHealth).toEqual({ id: 'perinatal_mental_health', triggered: { base: 4, head: 7 }, newlyTriggered: 3, noLongerTriggered: 0, priorityChanged: 0, actionsChanged: 0 });

  for (const entry of report.indicators.filter((candidate) => candidate.id !== 'anxiety')) {
    expect(entry.transitions, entry.id).toEqual([]);
    expect(entry.positive.base, entry.id).toBe(entry.positive.head);
  }
  for (const entry of report.carePaths.filter((candidate) => candidate.id !== 'perinatal_mental_health')) {
    expect(entry.triggered, entry.id).toEqual({ base: 0, head: 0 });
  }
}

describe('diff of a lowered threshold', () => {
  it('exact counts from JSON lines', async () => {
    const report = await diffOver(jsonLines);
    expectAnxietyCounts(report);
    expect(report.changed.map((entry) => entry.line)).toEqual([3, 4, 8]);
  });

  it('same counts from CSV', async () => {
    const report = await diffOver(csv);
    expectAnxietyCounts(report);
    expect(report.changed.map((entry) => entry.answerSet)).toEqual(['sum-2', 'sum-2-other', 'declined-2']);
  });

  it('same counts from a folder', async () => {
    const report = await diffOver(folder);
    expectAnxietyCounts(report);
    expect(report.changed.map((entry) => entry.file.slice(folder.length + 1))).toEqual(['declined-2.yaml', 'sum-2-other.yaml', 'sum-2.yaml']);
  });

  it('changed set says what changed', async () => {
    const { base, head } = await catalogs();
    const report = await diffOver(jsonLines);
    const first = report.changed[0]!;

    expect(first.indicators).toEqual([{ id: 'anxiety', base: { status: 'negative', score: 2 }, head: { status: 'positive', score: 2 } }]);
    expect(first.carePaths).toEqual([{ id: 'perinatal_mental_health', base: null, head: { priority: 'high', actions: ['refer_perinatal_mental_health'] } }]);
    expect(first.base.sha256).toBe(base.screenings.get('bib-screening@2.0.0')!.sha256);
    expect(first.head.sha256).toBe(head.screenings.get('bib-screening@2.0.0')!.sha256);
    expect(first.base.sha256).not.toBe(first.head.sha256);
  });

  it('report names the rule sets used', async () => {
    const { head } = await catalogs();
    const report = await diffOver(jsonLines);
    const ruleSet = head.screenings.get('bib-screening@2.0.0')!;
    expect(report.head.ruleSets).toEqual([{ id: ruleSet.id, version: ruleSet.version, sha256: ruleSet.sha256, questionnaire: 'bib-screening@2.0.0', answerSets: 10 }]);
    expect(report.mappings).toEqual([]);
  });

  it('limit caps the list, not the counts', async () => {
    const report = await diffOver(jsonLines, { listLimit: 1 });
    expect(report.answerSets.changed).toBe(3);
    expect(report.changed).toHaveLength(1);
    expect(report.truncated).toBe(true);
  });

  it('same rule sets change nothing', async () => {
    const { baseDir } = await catalogs();
    const run = await runCli(['--locale', 'en', 'diff', '--base', baseDir, '--head', baseDir, '--answers', jsonLines]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('No outcome changed.');
  });
});

describe('bib diff command', () => {
  it('text table and exit 1', async () => {
    const { baseDir, headDir } = await catalogs();
    const run = await runCli(['--locale', 'en', 'diff', '--base', baseDir, '--head', headDir, '--answers', csv]);
    const anxietyRow = run.stdout.split('\n').find((line) => line.startsWith('anxiety '));

    expect(run.status).toBe(1);
    expect(anxietyRow?.trim().split(/\s+/)).toEqual(['anxiety', '3', '6', '3', '0', '0']);
    expect(run.stdout).toContain('3 answer sets with another outcome:');
    expect(run.stdout).toContain('  sum-2\n    anxiety: Negative → Positive (score 2 → 2)');
    expect(run.stderr).toBe('');
  });

  it('json output matches its schema', async () => {
    const { baseDir, headDir } = await catalogs();
    const run = await runCli(['diff', '--base', baseDir, '--head', headDir, '--answers', folder, '--format', 'json']);
    const validate = outputSchema('diff-output-1');
    const output = JSON.parse(run.stdout) as DiffReport;

    expect(run.status).toBe(1);
    expect(validate(output), JSON.stringify(validate.errors)).toBe(true);
    expectAnxietyCounts(output);
  });

  it('runs through the bin', async () => {
    const { baseDir, headDir } = await catalogs();
    const run = runBin(['diff', '--base', baseDir, '--head', headDir, '--answers', jsonLines, '--format', 'json']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expectAnxietyCounts(JSON.parse(run.stdout) as DiffReport);
  });
});
