import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffAnswerSets, type AnswerRecord } from '../../src/diff/index.js';
import { InputError } from '../../src/findings/index.js';
import { runCli } from '../support/cli.js';
import { copyShippedRuleSet, questionnaireV2, rulesV2 } from '../support/ruleset-copy.js';
import { catalogs, diffFixtures } from './support.js';

const scratch = mkdtempSync(join(tmpdir(), 'bib-diff-'));
function write(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

async function diffCli(answers: string, extra: string[] = []) {
  const { baseDir, headDir } = await catalogs();
  return runCli(['--locale', 'en', 'diff', '--base', baseDir, '--head', headDir, '--answers', answers, ...extra]);
}

describe('bad answer input', () => {
  it('invalid JSON line names its line', async () => {
    const file = write('broken.jsonl', '{"questionnaire": "bib-screening@2.0.0", "answers": {}}\n{"questionnaire": \n');
    const run = await diffCli(file);

    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${file}:2:1: error: this line is not valid JSON`);
  });

  it('CSV cell names line and column', async () => {
    const file = write('bad-option.csv', 'questionnaire,nervous,uncontrolled_worry\nbib-screening@2.0.0,not_at_all,not_at_all\nbib-screening@2.0.0,sometimes,not_at_all\n');
    const run = await diffCli(file);

    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`${file}:3:2: error: nervous: "sometimes" is not an option. Allowed: not_at_all, several_days, more_than_half_the_days, nearly_every_day, declined.\n`);
  });

  it('blank CSV cell is unanswered, space is not', async () => {
    const blank = write('blank.csv', 'questionnaire,nervous,uncontrolled_worry\nbib-screening@2.0.0,,not_at_all\n');
    const space = write('space.csv', 'questionnaire,nervous,uncontrolled_worry\nbib-screening@2.0.0, ,not_at_all\n');

    expect((await diffCli(blank)).status).toBe(0);
    const run = await diffCli(space);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('nervous: the answer is blank');
  });

  it('CSV without questionnaire column', async () => {
    const file = write('no-questionnaire.csv', 'nervous,uncontrolled_worry\nnot_at_all,not_at_all\n');
    const run = await diffCli(file);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no "questionnaire" column (columns: nervous, uncontrolled_worry)');
  });

  it('CSV row with a missing cell', async () => {
    const file = write('short-row.csv', 'questionnaire,nervous,uncontrolled_worry\nbib-screening@2.0.0,not_at_all\n');
    const run = await diffCli(file);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('the CSV file cannot be read');
  });

  it('every invalid set is reported', async () => {
    const file = write('two-bad.jsonl', ['{"questionnaire": "bib-screening@9.9.9", "answers": {}}', '{"questionnaire": "bib-screening@2.0.0", "answers": {"tobacco": true}}'].join('\n'));
    const run = await diffCli(file);
    const lines = run.stderr.trim().split('\n');

    expect(run.status).toBe(2);
    expect(lines[0]).toMatch(/:1: error: there is no questionnaire bib-screening version 9\.9\.9/);
    expect(lines[1]).toMatch(/:2: error: tobacco: true is a boolean/);
    expect(lines[2]).toContain('2 answer sets are invalid');
  });

  it('empty input exits 2', async () => {
    const run = await diffCli(write('empty.jsonl', '\n\n'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no answer sets found');
  });

  it('missing answers path exits 2', async () => {
    const run = await diffCli('no-such-answers.jsonl');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no-such-answers.jsonl');
  });

  it('missing required option exits 2', async () => {
    const run = await runCli(['diff', '--base', 'examples/diff/base', '--answers', 'examples/diff/answers']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("required option '--head <dir>' not specified");
  });
});

describe('questionnaire versions', () => {
  it('unknown --as exits 2', async () => {
    const run = await diffCli(join(diffFixtures, 'anxiety-answers.jsonl'), ['--as', 'bib-screening@3.0.0']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--as bib-screening@3.0.0: there is no rule set for this questionnaire version on that side. Known: bib-screening@1.0.0, bib-screening@2.0.0.');
  });

  it('option the target lacks exits 2', async () => {
    const head = copyShippedRuleSet({
      [questionnaireV2]: (text) => text.replace('with_family_or_friends, shelter, no_fixed_address', 'with_family_or_friends, no_fixed_address'),
      [rulesV2]: (text) => text.replace('with_family_or_friends: 2, shelter: 3,', 'with_family_or_friends: 2,'),
    });
    const answers = write('shelter.jsonl', '{"questionnaire": "bib-screening@1.0.0", "answers": {"housing_type": "shelter"}}\n');
    const run = await runCli(['--locale', 'en', 'diff', '--base', copyShippedRuleSet(), '--head', head, '--answers', answers, '--as', 'bib-screening@2.0.0']);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${answers}:1: error: housing_type: the answer "shelter" cannot be carried over to bib-screening@2.0.0`);
  });

  it('--as maps every set on the head side', async () => {
    const answers = write('v1.jsonl', '{"questionnaire": "bib-screening@1.0.0", "answers": {"psychiatric_history": "no"}}\n');
    const rejected = await diffCli(answers);
    expect(rejected.status).toBe(2);
    expect(rejected.stderr).toContain('"psychiatric_history" is not part of version 1.0.0');

    const v1 = write('v1-valid.jsonl', '{"questionnaire": "bib-screening@1.0.0", "answers": {"feeling_down": "yes"}}\n');
    const run = await diffCli(v1, ['--as', 'bib-screening@2.0.0', '--format', 'json']);
    const report = JSON.parse(run.stdout) as { mappings: unknown[]; answerSets: { changed: number } };
    expect(report.mappings).toEqual([{ side: 'head', from: 'bib-screening@1.0.0', to: 'bib-screening@2.0.0', answerSets: 1, ignoredItems: [] }]);
    expect(report.answerSets.changed).toBe(1);
  });
});

describe('streaming', () => {
  it('reads one record ahead at most', async () => {
    const { base, head } = await catalogs();
    let produced = 0;
    let furthestAhead = 0;
    async function* records(): AsyncGenerator<AnswerRecord> {
      for (let index = 0; index < 1000; index++) {
        produced += 1;
        const worry = ['not_at_all', 'several_days', 'more_than_half_the_days'][index % 3]!;
        yield { label: `set ${index}`, file: 'generated', data: { questionnaire: 'bib-screening@2.0.0', answers: { nervous: 'several_days', uncontrolled_worry: worry } } };
      }
    }
    const report = await diffAnswerSets({
      base,
      head,
      records: records(),
      listLimit: 5,
      onProgress: ({ answerSets }) => {
        furthestAhead = Math.max(furthestAhead, produced - answerSets);
      },
    });

    expect(furthestAhead).toBe(0);
    expect(report.answerSets.total).toBe(1000);
    expect(report.answerSets.changed).toBe(333);
    expect(report.changed).toHaveLength(5);
  });

  it('invalid records are collected, not thrown one by one', async () => {
    const { base, head } = await catalogs();
    async function* records(): AsyncGenerator<AnswerRecord> {
      for (let index = 0; index < 80; index++) yield { label: `set ${index}`, file: 'generated', line: index + 1, data: { questionnaire: 'bib-screening@2.0.0' } };
    }
    const error = (await diffAnswerSets({ base, head, records: records() }).catch((caught: unknown) => caught)) as InputError;

    expect(error).toBeInstanceOf(InputError);
    expect(error.findings).toHaveLength(51);
    expect(error.findings.at(-1)).toMatchObject({ code: 'validate:diff.invalidCount', params: { count: 80 } });
  });
});

describe('progress', () => {
  it('shown on a terminal', async () => {
    const run = await diffCli(join(diffFixtures, 'anxiety-answers.jsonl'), []);
    expect(run.stderr).toBe('');

    const { baseDir, headDir } = await catalogs();
    const tty = await runCli(['diff', '--base', baseDir, '--head', headDir, '--answers', join(diffFixtures, 'anxiety-answers.jsonl')], { tty: true });
    expect(tty.stderr).toContain('bib diff |');
    expect(tty.stdout).toContain('anxiety');
  });
});
