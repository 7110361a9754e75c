import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/ruleset/index.js';
import { projectRoot, runCli } from '../support/cli.js';
import { copyShippedRuleSet, rulesV2 } from '../support/ruleset-copy.js';

const folder = mkdtempSync(join(tmpdir(), 'bib-edge-'));
function write(name: string, content: string): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

describe('command line edges', () => {
  it('--version prints the package version', async () => {
    const run = await runCli(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('help for an unknown command names it', async () => {
    const run = await runCli(['--locale', 'en', 'help', 'screan']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('there is no command "screan"');
  });

  it('a mistyped option gets a hint, not the whole help', async () => {
    const run = await runCli(['--locale', 'en', 'screen', 'x.yaml', '--fromat', 'json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--fromat');
    expect(run.stderr).not.toContain('Usage:');
  });

  it('--date without html is rejected', async () => {
    const run = await runCli(['--locale', 'en', 'screen', join('examples', 'answers', 'partly-answered-v1.yaml'), '--date', '2026-01-01']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--date only applies to --format html');
  });

  it('a full disk is one message and exit 1', () => {
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${projectRoot}/bin/bib.js" --locale en screen examples/answers/partly-answered-v1.yaml > /dev/full`], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('cannot write the output (ENOSPC)');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a closed pipe ends quietly', () => {
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${projectRoot}/bin/bib.js" screen --help | head -c 10 > /dev/null`], { cwd: projectRoot, encoding: 'utf8' });
    expect(result.stderr).toBe('');
  });
});

describe('answer file syntax', () => {
  const cases = [
    { name: 'two-documents.yaml', content: 'questionnaire: bib-screening@2.0.0\n---\nanswers: {}\n', mentions: [':2:1:', 'more than one YAML document'] },
    { name: 'tab.yaml', content: 'questionnaire: bib-screening@2.0.0\nanswers:\n\ttobacco: "no"\n', mentions: [':3:', 'tab'] },
    { name: 'unclosed.yaml', content: 'questionnaire: bib-screening@2.0.0\nanswers:\n  tobacco: "yes\n', mentions: [':3:12:', 'never closed'] },
    { name: 'trailing-comma.json', content: '{"questionnaire": "bib-screening@2.0.0", "answers": {"tobacco": "no",}}', mentions: [':1:', 'invalid JSON'] },
    { name: 'tagged.yaml', content: 'questionnaire: bib-screening@2.0.0\nanswers:\n  alcohol: !!bool "no"\n', mentions: [':3:', '!!bool'] },
    { name: 'spaces.yaml', content: 'questionnaire: bib-screening@2.0.0\nanswers:\n  violence: "no "\n', mentions: [':3:', 'spaces around', 'Write "no"'] },
  ];

  it.each(cases)('$name', async ({ name, content, mentions }) => {
    const run = await runCli(['--locale', 'en', 'screen', write(name, content)]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    for (const text of mentions) expect(run.stderr).toContain(text);
    expect(run.stderr).not.toMatch(/[A-Z][a-z]+ [a-z]+ .*parseAllDocuments|Implicit keys/);
  });

  it('findings beyond 100 are counted, not listed', async () => {
    const lines = Array.from({ length: 150 }, (_, index) => `  item_${index}: "x"`).join('\n');
    const run = await runCli(['--locale', 'en', 'screen', write('many.yaml', `questionnaire: bib-screening@2.0.0\nanswers:\n${lines}\n`)]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(101);
    expect(run.stderr).toContain('and 50 more findings');
  });
});

describe('rule file syntax', () => {
  it('decimal comma in a flow mapping suggests the point', async () => {
    const copy = copyShippedRuleSet({ [rulesV2]: (text) => text.replace('eu: 0.5,', 'eu: 0,5,') });
    const { catalog, findings } = await loadCatalog([copy]);
    expect(catalog).toBeUndefined();
    expect(findings).toHaveLength(1);
    expect(findings[0]?.code).toBe('schema.decimalComma');
    expect(findings[0]?.params['suggestion']).toBe('0.5');
    expect(findings[0]?.line).toBe(36);
  });
});

describe('national numbers in messages', () => {
  it('are masked in answer-file findings', async () => {
    const path = write('number-as-answer.yaml', 'questionnaire: bib-screening@2.0.0\nanswers:\n  tobacco: "90020199605"\n  alcohol: 90020199605\n  "90.02.01-996.05": "no"\n');
    const run = await runCli(['--locale', 'en', 'screen', path]);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(/90020199605|90\.02\.01-996\.05/);
    expect(run.stderr).toContain('***********');
  });

  it('never reach InputError messages', async () => {
    const { screen, InputError } = await import('../../src/index.js');
    const error = await screen({ questionnaire: 'bib-screening@2.0.0', answers: { tobacco: '90020199605' } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).not.toContain('90020199605');
    expect((error as Error).message).toContain('answers.unknownOption');
  });

  it('as a retention record id are rejected', async () => {
    const path = write(
      'records.yaml',
      'kind: RetentionRecords\nversion: "1"\nrecords:\n  - id: "90020199605"\n    kind: health\n    owner: woman\n    accountClosedOn: "2020-01-01"\n',
    );
    const run = await runCli(['--locale', 'en', 'retention', path, '--as-of', '2026-01-01']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('looks like a national register or BIS number');
    expect(run.stderr).not.toContain('90020199605');
  });
});

describe('questionnaire run --save', () => {
  it('refuses an existing file before the first question', async () => {
    const existing = write('existing-answers.yaml', 'questionnaire: bib-screening@2.0.0\nanswers: {}\n');
    const run = await runCli(['--locale', 'en', 'questionnaire', 'run', '--save', existing], { tty: true });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('already exists');
    expect(run.stderr).toContain('--overwrite');
  });
});
