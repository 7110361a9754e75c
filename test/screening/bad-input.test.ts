import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, runCli } from '../support/cli.js';
import { badInputDir } from '../support/fixtures.js';

/** What each public bad input must name on standard error: line, offending value, what is allowed. */
const publicBadInputs = [
  { file: 'unknown-item.yaml', position: ':4:', mentions: ['housing_kind', 'housing_type'] },
  { file: 'unknown-option.yaml', position: ':3:', mentions: ['tent', 'housing_type', 'no_fixed_address', 'declined'] },
  { file: 'boolean-instead-of-code.yaml', position: ':3:', mentions: ['true', 'tobacco', 'no, yes, declined'] },
  { file: 'unknown-version.yaml', position: ':1:', mentions: ['9.9.9', '1.0.0, 2.0.0'] },
  { file: 'item-not-in-version.yaml', position: ':3:', mentions: ['psychiatric_history', '2.0.0'] },
  { file: 'duplicate-key.yaml', position: ':4:', mentions: ['alcohol'] },
  { file: 'malformed.yaml', position: ':3:', mentions: [] },
];

function expectCleanRejection(run: { status: number; stdout: string; stderr: string }) {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr).not.toContain('Error:');
}

describe('public bad inputs through the bib bin', () => {
  it.each(publicBadInputs)('$file', ({ file, position, mentions }) => {
    const path = join(badInputDir, file);
    const run = runBin(['--locale', 'en', 'screen', path]);

    expectCleanRejection(run);
    expect(run.stderr).toContain(`${path}${position}`);
    for (const text of mentions) expect(run.stderr).toContain(text);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('other bad inputs', () => {
  const folder = mkdtempSync(join(tmpdir(), 'bib-bad-'));
  const write = (name: string, content: string | Buffer) => {
    const path = join(folder, name);
    writeFileSync(path, content);
    return path;
  };

  const cases: { name: string; content: string | Buffer; mentions: string[] }[] = [
    { name: 'empty.yaml', content: '', mentions: ['empty'] },
    { name: 'blank.yaml', content: '\n   \n', mentions: ['empty'] },
    { name: 'binary.yaml', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]), mentions: ['binary'] },
    { name: 'list.yaml', content: '- questionnaire: bib-screening@2.0.0\n- answers: {}\n', mentions: ['mapping', 'list'] },
    { name: 'number.yaml', content: 'questionnaire: bib-screening@2.0.0\nanswers:\n  support_persons: 1\n', mentions: [':3:', 'support_persons', 'number', 'several, one, none'] },
    { name: 'wrong-case.yaml', content: 'questionnaire: bib-screening@2.0.0\nanswers:\n  tobacco: "Yes"\n', mentions: [':3:', 'tobacco', '"Yes"', '"yes"'] },
    { name: 'blank-code.yaml', content: 'questionnaire: bib-screening@2.0.0\nanswers:\n  tobacco: " "\n', mentions: [':3:', 'tobacco', 'blank'] },
    { name: 'unknown-follow-up.yaml', content: 'questionnaire: bib-screening@2.0.0\nanswers: {}\nfollowUps:\n  feels_safe: "yes"\n', mentions: [':4:', 'feels_safe', 'safe_to_go_home'] },
    { name: 'follow-up-boolean.yaml', content: 'questionnaire: bib-screening@2.0.0\nanswers: {}\nfollowUps:\n  safe_to_go_home: false\n', mentions: [':4:', 'safe_to_go_home', 'boolean'] },
    { name: 'no-questionnaire.yaml', content: 'answers:\n  tobacco: "no"\n', mentions: ['questionnaire', 'bib-screening@2.0.0'] },
    { name: 'bad-reference.yaml', content: 'questionnaire: bib-screening 2.0.0\nanswers: {}\n', mentions: [':1:', '<id>@<version>'] },
    { name: 'unknown-field.yaml', content: 'questionnaire: bib-screening@2.0.0\nanswer: {}\n', mentions: [':2:', '"answer"', 'answers'] },
    { name: 'answers-list.yaml', content: 'questionnaire: bib-screening@2.0.0\nanswers:\n  - tobacco\n', mentions: [':3:', 'answers'] },
    { name: 'answers.json', content: '{"questionnaire": "bib-screening@2.0.0", "answers": {"housing_type": "tent"}}', mentions: [':1:', 'tent'] },
  ];

  it.each(cases)('$name', async ({ name, content, mentions }) => {
    const path = write(name, content);
    const run = await runCli(['--locale', 'en', 'screen', path]);

    expectCleanRejection(run);
    expect(run.stderr).toContain(path);
    for (const text of mentions) expect(run.stderr).toContain(text);
  });

  it('missing file names the path', async () => {
    const run = await runCli(['--locale', 'en', 'screen', join(folder, 'nowhere.yaml')]);
    expectCleanRejection(run);
    expect(run.stderr).toContain('nowhere.yaml not found');
  });

  it('folder instead of file', async () => {
    const run = await runCli(['--locale', 'en', 'screen', folder]);
    expectCleanRejection(run);
    expect(run.stderr).toContain('is a folder');
  });

  it('reports every wrong answer, not the first', async () => {
    const path = write('two-faults.yaml', 'questionnaire: bib-screening@2.0.0\nanswers:\n  tobacco: maybe\n  alcohol: sometimes\n');
    const run = await runCli(['--locale', 'en', 'screen', path]);
    expectCleanRejection(run);
    expect(run.stderr).toContain(':3:');
    expect(run.stderr).toContain(':4:');
  });

  it('messages come in the chosen language', async () => {
    const path = join(badInputDir, 'unknown-option.yaml');
    const dutch = await runCli(['screen', path]);
    const french = await runCli(['--locale', 'fr', 'screen', path]);
    expect(dutch.stderr).toContain('is geen optie');
    expect(french.stderr).toContain('n’est pas une option');
  });

  it('unknown locale is a bad invocation', async () => {
    const run = await runCli(['--locale', 'xx', 'screen', join(badInputDir, 'unknown-option.yaml')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('xx');
  });
});
