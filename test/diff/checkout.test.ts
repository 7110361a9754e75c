import { describe, expect, it } from 'vitest';
import type { DiffReport } from '../../src/diff/index.js';
import { runCli } from '../support/cli.js';

const compareWith = (head: string, extra: string[] = []) =>
  runCli(['diff', '--base', 'examples/diff/base', '--head', head, '--answers', 'examples/diff/answers', '--format', 'json', ...extra]);

describe('bib diff from the repository root', () => {
  it('head . reads only the rule folders', async () => {
    // The root also contains examples/diff and test fixtures with the same ids and versions.
    const run = await compareWith('.');
    const report = JSON.parse(run.stdout) as DiffReport;

    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(report.head.ruleSets.map((ruleSet) => `${ruleSet.version} ${ruleSet.questionnaire}`)).toEqual(['2.0.0 bib-screening@2.0.0', '1.0.0 bib-screening@1.0.0']);
  });

  it('head . equals the example head', async () => {
    const fromRoot = JSON.parse((await compareWith('.', ['--as', 'bib-screening@2.0.0'])).stdout) as DiffReport;
    const fromExample = JSON.parse((await compareWith('examples/diff/head')).stdout) as DiffReport;
    expect(fromRoot).toEqual(fromExample);
  });

  it('help examples run as written', async () => {
    const help = await runCli(['diff', '--help']);
    const examples = [...help.stdout.matchAll(/^ {2}bib (diff .*)$/gm)].map((match) => match[1]!);
    // The example with ../rules-main needs the folder that the git archive line above it creates.
    const runnable = examples.filter((example) => !example.includes('../rules-main'));

    expect(runnable).toHaveLength(2);
    for (const example of runnable) {
      const run = await runCli(example.split(' '));
      expect(run.stderr, example).toBe('');
      expect(run.status, example).toBe(1);
    }
  });
});
