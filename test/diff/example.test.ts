import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiffReport } from '../../src/diff/index.js';
import { canonicalJson } from '../../src/ruleset/index.js';
import { readYamlFile } from '../../src/source/index.js';
import { projectRoot, runCli } from '../support/cli.js';
import { screeningCases } from '../support/fixtures.js';

const example = join(projectRoot, 'examples', 'diff');

async function canonicalContent(file: string): Promise<string> {
  const parsed = await readYamlFile(file);
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return canonicalJson(parsed.document.data);
}

describe('shipped diff example', () => {
  it('copies equal the shipped rule files', async () => {
    const pairs = [
      ['base/rules/bib-screening-1.0.0.yaml', 'rules/screening/bib-screening-1.0.0.yaml'],
      ['base/questionnaires/bib-screening-1.0.0.yaml', 'questionnaires/bib-screening-1.0.0.yaml'],
      ['head/rules/bib-screening-2.0.0.yaml', 'rules/screening/bib-screening-2.0.0.yaml'],
      ['head/questionnaires/bib-screening-2.0.0.yaml', 'questionnaires/bib-screening-2.0.0.yaml'],
    ];
    for (const [copy, shipped] of pairs) expect(await canonicalContent(join(example, copy!)), copy).toBe(await canonicalContent(join(projectRoot, shipped!)));
  });

  it('counts agree with the public cases', async () => {
    const run = await runCli(['diff', '--base', 'examples/diff/base', '--head', 'examples/diff/head', '--answers', 'examples/diff/answers', '--format', 'json']);
    const report = JSON.parse(run.stdout) as DiffReport;
    const cases = screeningCases();
    const positive = (name: string, indicator: string) =>
      cases.find((entry) => entry.name === name)!.expected.indicators.some((entry) => entry.id === indicator && entry.status === 'positive');
    const countPositive = (indicator: string) => cases.filter((entry) => positive(entry.name, indicator)).length;

    expect(run.status).toBe(1);
    expect(report.answerSets.total).toBe(cases.length);

    // Indicators of both versions have the same items, points and thresholds, so each answer
    // set has the status its expected outcome gives under either rule set.
    for (const entry of report.indicators.filter((candidate) => !['psychological_history', 'medication_use'].includes(candidate.id))) {
      expect(entry.positive, entry.id).toEqual({ base: countPositive(entry.id), head: countPositive(entry.id) });
      expect(entry.transitions, entry.id).toEqual([]);
    }
    // The two indicators of 2.0.0 are absent under 1.0.0.
    for (const id of ['psychological_history', 'medication_use']) {
      const entry = report.indicators.find((candidate) => candidate.id === id)!;
      expect(entry.positive, id).toEqual({ base: 0, head: countPositive(id) });
      expect(entry.toPositive, id).toBe(countPositive(id));
    }

    // Under 1.0.0 only depression and anxiety trigger perinatal mental health.
    const mentalHealth = report.carePaths.find((entry) => entry.id === 'perinatal_mental_health')!;
    const triggeredUnder = (entry: (typeof cases)[number]) => entry.expected.carePaths.some((carePath) => carePath.id === 'perinatal_mental_health');
    const byDepressionOrAnxiety = cases.filter((entry) => positive(entry.name, 'depression') || positive(entry.name, 'anxiety')).length;
    expect(mentalHealth.triggered).toEqual({ base: byDepressionOrAnxiety, head: cases.filter(triggeredUnder).length });
  });

  it('lists the version mappings', async () => {
    const run = await runCli(['diff', '--base', 'examples/diff/base', '--head', 'examples/diff/head', '--answers', 'examples/diff/answers', '--format', 'json']);
    const report = JSON.parse(run.stdout) as DiffReport;
    const v1Cases = screeningCases().filter((entry) => entry.expected.indicators.length === 13).length;

    expect(report.mappings).toEqual([
      { side: 'base', from: 'bib-screening@2.0.0', to: 'bib-screening@1.0.0', answerSets: screeningCases().length - v1Cases, ignoredItems: ['psychiatric_history', 'psychotropic_medication'] },
      { side: 'head', from: 'bib-screening@1.0.0', to: 'bib-screening@2.0.0', answerSets: v1Cases, ignoredItems: [] },
    ]);
  });
});
