import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/index.js';
import { validateRuleFiles } from '../../src/validate/index.js';
import { projectRoot, runCli } from '../support/cli.js';
import { copyRuleFiles, questionnaireV2, replaceOnce, screeningRulesV2, writeRuleFile } from './rule-files.js';

/** The kind of each shipped rule file, read from the files themselves. */
const shippedKinds = ['Questionnaire', 'ScreeningRules', 'VisibilityRules', 'AccessRules', 'RetentionRules', 'AlternativeNumberRules', 'RuleTests'];

/** Line and column (1-based) of the first occurrence of `needle` in a file, plus `offset` characters. */
function positionOf(file: string, needle: string, offset = 0): { line: number; column: number } {
  const lines = readFileSync(file, 'utf8').split('\n');
  const line = lines.findIndex((text) => text.includes(needle));
  if (line === -1) throw new Error(`"${needle}" not in ${file}`);
  return { line: line + 1, column: lines[line]!.indexOf(needle) + offset + 1 };
}

async function validate(folder: string): Promise<{ findings: Finding[]; errors: Finding[]; depths: Record<string, string> }> {
  const report = await validateRuleFiles({ paths: [folder] });
  const depths = Object.fromEntries(report.files.map((file) => [file.file, file.depth]));
  return { findings: report.findings, errors: report.findings.filter((finding) => finding.severity === 'error'), depths };
}

describe('kind of a rule file', () => {
  it('shipped files all have known kinds', async () => {
    const report = await validateRuleFiles({ paths: [join(projectRoot, 'rules'), join(projectRoot, 'questionnaires')] });

    expect(report.files.every((file) => file.depth === 'full')).toBe(true);
    expect(new Set(report.files.map((file) => file.kind))).toEqual(new Set(shippedKinds));
    expect(report.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it('misspelt kind is an error', async () => {
    const folder = copyRuleFiles({ [screeningRulesV2]: replaceOnce('kind: ScreeningRules', 'kind: ScreeningRule') });
    const file = join(folder, screeningRulesV2);
    const { findings, depths } = await validate(folder);
    const finding = findings.find((candidate) => candidate.file === file && candidate.severity === 'error');

    expect(finding?.code).toBe('validate:kind.unknownSimilar');
    expect(finding).toMatchObject(positionOf(file, 'ScreeningRule'));
    expect(finding?.params).toEqual({ value: '"ScreeningRule"', suggestion: 'ScreeningRules', known: shippedKinds });
    expect(depths[file]).toBe('unknownKind');
  });

  it('kind far from any known one', async () => {
    const folder = copyRuleFiles();
    const file = writeRuleFile(folder, 'rules/retention/records.yaml', readFileSync(join(projectRoot, 'examples/retention/records.yaml'), 'utf8'));
    const { errors } = await validate(folder);

    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'validate:kind.unknown', file, ...positionOf(file, 'RetentionRecords') });
    expect(errors[0]!.params).toEqual({ value: '"RetentionRecords"', known: shippedKinds });
  });

  it('missing kind in questionnaires is an error', async () => {
    const folder = copyRuleFiles({ [questionnaireV2]: replaceOnce('kind: Questionnaire\n', '') });
    const file = join(folder, questionnaireV2);
    const { errors, depths } = await validate(folder);
    const finding = errors.find((candidate) => candidate.file === file);

    expect(finding?.code).toBe('validate:kind.missing');
    expect(finding?.line).toBe(positionOf(file, 'id: bib-screening').line);
    expect(finding?.params['known']).toEqual(shippedKinds);
    expect(depths[file]).toBe('unknownKind');
  });

  it('answers file is an error', async () => {
    const folder = copyRuleFiles();
    const answers = readFileSync(join(projectRoot, 'examples/answers/housing-and-mental-health.yaml'), 'utf8');
    const file = writeRuleFile(folder, 'rules/screening/answers.yaml', answers);
    const { errors } = await validate(folder);

    expect(errors.map((finding) => [finding.code, finding.file])).toEqual([['validate:kind.answersFile', file]]);
  });

  it('misspelt kind through the CLI', async () => {
    const folder = copyRuleFiles({ [screeningRulesV2]: replaceOnce('kind: ScreeningRules', 'kind: ScreeningRule') });
    const run = await runCli(['--locale', 'en', 'validate'], { cwd: folder });
    const { line, column } = positionOf(join(folder, screeningRulesV2), 'ScreeningRule');

    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${screeningRulesV2}\n`);
    expect(run.stdout).toMatch(new RegExp(`^  ${line}:${column} +error +kind: "ScreeningRule" is not a kind of rule file`, 'm'));
    expect(run.stdout).toContain('Did you mean ScreeningRules? Known kinds: Questionnaire, ScreeningRules, VisibilityRules, AccessRules, RetentionRules, AlternativeNumberRules, RuleTests.');
    expect(run.stdout).toContain('9 files checked in full by the loader of their kind. 1 file has no known kind and was not checked.\n');
    expect(run.stdout).not.toContain('0 errors');
  });
});

describe('files that cannot be checked', () => {
  it('broken YAML is not counted as checked', async () => {
    const folder = copyRuleFiles();
    const file = writeRuleFile(folder, 'rules/access/extra.yaml', 'kind: AccessRules\nrules: [a\n');
    const { errors, depths } = await validate(folder);
    const run = await runCli(['--locale', 'en', 'validate'], { cwd: folder });

    expect(errors.map((finding) => finding.file)).toEqual([file]);
    expect(depths[file]).toBe('unparsed');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('1 error and 2 warnings in 11 files.\n10 files checked in full by the loader of their kind. 1 file is not valid YAML or JSON and was not checked.\n');
  });

  it('empty folder exits 2', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'bib-empty-'));
    const run = await runCli(['--locale', 'en', 'validate', '.'], { cwd: empty });

    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`error: no rule file (.yaml, .yml or .json) found in ${empty}. Give the folders rules/ and questionnaires/, or run bib validate in a folder that contains them.\n`);
  });

  it('folder without rule files exits 2', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'bib-no-rules-'));
    writeRuleFile(folder, 'notes/readme.txt', 'not a rule file\n');
    const run = await runCli(['--locale', 'nl', 'validate', 'notes'], { cwd: folder });

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('geen regelbestand (.yaml, .yml of .json) gevonden in notes.');
  });
});

describe('questionnaire of screening rules', () => {
  it('rules file alone asks for questionnaires', async () => {
    const run = await runCli(['--locale', 'en', 'validate', 'rules/screening/bib-screening-2.0.0.yaml']);
    const { line, column } = positionOf(join(projectRoot, screeningRulesV2), 'bib-screening@2.0.0');

    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `${line}:${column}  error    questionnaire: these rules refer to the questionnaire bib-screening@2.0.0, but no file of kind Questionnaire is among the files given to bib validate`,
    );
    expect(run.stdout).toContain('Add questionnaires/ to the paths, for example: bib validate rules/screening questionnaires  [validate:questionnaireNotGiven]');
    expect(run.stdout).not.toContain('Known: .');
  });

  it('schema error has no follow-on error', async () => {
    const folder = copyRuleFiles({ [questionnaireV2]: replaceOnce('{ id: first_name, required: true }', '{ id: first_name, required: no }') });
    const file = join(folder, questionnaireV2);
    const { errors } = await validate(folder);

    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'schema.type', file, ...positionOf(file, 'no }') });
  });

  it('wrong reference still names the known ones', async () => {
    const folder = copyRuleFiles({ [screeningRulesV2]: replaceOnce('questionnaire: bib-screening@2.0.0', 'questionnaire: bib-screening@2.1.0') });
    const { errors } = await validate(folder);
    const finding = errors.find((candidate) => candidate.file === join(folder, screeningRulesV2));

    expect(finding?.code).toBe('rules.unknownQuestionnaire');
    expect(finding?.params['known']).toEqual(['bib-screening@1.0.0', 'bib-screening@2.0.0']);
  });
});

describe('repository checkout as a path', () => {
  it('reads only rules and questionnaires', async () => {
    const folder = copyRuleFiles();
    cpSync(join(projectRoot, 'test/fixtures/rulesets/schema-error'), join(folder, 'test/fixtures/schema-error'), { recursive: true });
    writeRuleFile(folder, 'examples/broken.yaml', 'kind: [\n');
    const report = await validateRuleFiles({ paths: [folder] });

    expect(report.files.map((file) => file.file).filter((file) => !file.startsWith(join(folder, 'rules')) && !file.startsWith(join(folder, 'questionnaires')))).toEqual([]);
    expect(report.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });
});
