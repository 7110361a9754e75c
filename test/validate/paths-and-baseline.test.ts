import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/findings/index.js';
import { discoverRuleFiles } from '../../src/ruleset/discover.js';
import { validateRuleFiles } from '../../src/validate/index.js';
import { projectRoot, runCli } from '../support/cli.js';
import { copyShippedRuleSet, questionnaireV2 } from '../support/ruleset-copy.js';

/** Counts the rule documents under `folder` with a kind, an id and a version, which a baseline can match. */
async function versionedDocuments(folder: string): Promise<number> {
  const report = await validateRuleFiles({ paths: [folder] });
  return report.files.filter((file) => file.kind !== undefined && file.id !== undefined && file.version !== undefined).length;
}

describe('baseline without counterparts', () => {
  it('empty baseline folder exits 2', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'bib-empty-baseline-'));
    const run = await runCli(['--locale', 'en', 'validate', copyShippedRuleSet(), '--baseline', empty]);

    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`the baseline folder ${empty} contains no rule file`);
  });

  it('empty baseline rejects in the library', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'bib-empty-baseline-'));
    const rejection = validateRuleFiles({ paths: [copyShippedRuleSet()], baselineDir: empty });

    await expect(rejection).rejects.toBeInstanceOf(InputError);
    await expect(rejection).rejects.toMatchObject({ findings: [{ code: 'validate:baselineEmpty', params: { dir: empty } }] });
  });

  it('access rules as baseline warn per file', async () => {
    const head = copyShippedRuleSet();
    const report = await validateRuleFiles({ paths: [head], baselineDir: join(projectRoot, 'rules', 'access') });
    const warnings = report.findings.filter((finding) => finding.code === 'validate:version.notInBaseline');

    expect(warnings).toHaveLength(await versionedDocuments(head));
    expect(warnings.every((finding) => finding.severity === 'warning')).toBe(true);
    expect(warnings.map((finding) => finding.file)).toContain(join(head, questionnaireV2));
  });

  it('one-questionnaire baseline compares only it', async () => {
    const head = copyShippedRuleSet();
    const baseline = mkdtempSync(join(tmpdir(), 'bib-one-questionnaire-'));
    cpSync(join(head, questionnaireV2), join(baseline, 'questionnaire.yaml'));
    const report = await validateRuleFiles({ paths: [head], baselineDir: baseline });
    const unmatched = report.findings.filter((finding) => finding.code === 'validate:version.notInBaseline').map((finding) => finding.file);

    expect(unmatched).toHaveLength((await versionedDocuments(head)) - 1);
    expect(unmatched).not.toContain(join(head, questionnaireV2));
  });

  it('CLI names the file not compared', async () => {
    const head = copyShippedRuleSet();
    const run = await runCli(['--locale', 'en', 'validate', head, '--baseline', join(projectRoot, 'rules', 'access')]);

    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Questionnaire bib-screening 2.0.0 is not in the baseline, so it was not compared.');
  });
});

describe('path that is no file or folder', () => {
  it('discovery reports a device', async () => {
    const { files, findings } = await discoverRuleFiles(['/dev/null']);

    expect(files).toEqual([]);
    expect(findings).toEqual([{ severity: 'error', code: 'validate:notFileOrFolder', file: '/dev/null', params: { file: '/dev/null' } }]);
  });

  it.each([
    ['validate', ['validate', '/dev/null']],
    ['test', ['test', '/dev/null']],
    ['test --rules', ['test', '--rules', '/dev/null']],
  ])('bib %s /dev/null exits 2', async (_name, args) => {
    const run = await runCli(['--locale', 'en', ...args]);

    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('/dev/null is neither a regular file nor a folder');
    expect(run.stderr).not.toContain('internal error');
  });
});

describe('help texts', () => {
  it('test --rules shows one default', async () => {
    const run = await runCli(['test', '--help']);
    const rulesHelp = run.stdout.slice(run.stdout.indexOf('--rules'), run.stdout.indexOf('--coverage')).replace(/\s+/g, ' ');

    expect(rulesHelp.match(/\(default:/g)).toHaveLength(1);
    expect(rulesHelp).toContain('rules/ and questionnaires/ of the working folder');
  });

  it('id alt --verify example verifies', async () => {
    const help = await runCli(['id', 'alt', '--help']);
    const code = /bib id alt --verify (\S+)/.exec(help.stdout)?.[1];
    expect(code).toBeDefined();
    expect(help.stdout).toContain('1 when it is not');

    const valid = await runCli(['id', 'alt', '--verify', code!]);
    expect(valid.status).toBe(0);
    const mistyped = await runCli(['id', 'alt', '--verify', code!.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'))]);
    expect(mistyped.status).toBe(1);
  });
});
