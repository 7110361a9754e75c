import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateRuleFiles } from '../../src/validate/index.js';
import { runCli } from '../support/cli.js';
import { copyShippedRuleSet, rulesV2 } from '../support/ruleset-copy.js';
import { copyRuleFiles, writeRuleFile } from './rule-files.js';

/** The shipped rule files, used as the earlier copy (the baseline). */
const baseline = copyShippedRuleSet();

const raiseThreshold = (text: string) => text.replace('  - id: anxiety\n    threshold: { value: 3,', '  - id: anxiety\n    threshold: { value: 4,');
const setVersion = (version: string) => (text: string) => text.replace('version: "2.0.0"', `version: "${version}"`);

async function versionFindings(edits: Record<string, (text: string) => string>) {
  const head = copyShippedRuleSet(edits);
  const report = await validateRuleFiles({ paths: [head], baselineDir: baseline });
  return { head, findings: report.findings.filter((finding) => finding.code.startsWith('validate:version.')) };
}

describe('version discipline against a baseline', () => {
  it('changed content without a bump', async () => {
    const { head, findings } = await versionFindings({ [rulesV2]: raiseThreshold });

    expect(findings).toHaveLength(1);
    expect(findings[0]!.code).toBe('validate:version.notBumped');
    expect(findings[0]!.severity).toBe('error');
    expect(findings[0]!.file).toBe(join(head, rulesV2));
    expect(findings[0]!.line).toBe(13);
    expect(findings[0]!.column).toBe(10);
    expect(findings[0]!.params).toMatchObject({ kind: 'ScreeningRules', id: 'bib-screening-rules', version: '2.0.0' });
  });

  it('threshold change with a patch bump', async () => {
    const { findings } = await versionFindings({ [rulesV2]: (text) => setVersion('2.0.1')(raiseThreshold(text)) });

    expect(findings.map((finding) => finding.code)).toEqual(['validate:version.minorBumpNeeded']);
    expect(findings[0]!.params).toEqual({
      id: 'bib-screening-rules',
      from: '2.0.0',
      to: '2.0.1',
      changes: ['indicators.anxiety.threshold'],
      suggested: '2.1.0',
    });
  });

  it('trigger change with a patch bump', async () => {
    const { findings } = await versionFindings({
      [rulesV2]: (text) => setVersion('2.0.1')(text.replace('trigger: { positiveCount: { atLeast: 3 } }', 'trigger: { positiveCount: { atLeast: 4 } }')),
    });
    expect(findings[0]!.params['changes']).toEqual(['carePaths.care_coordination.trigger']);
  });

  it('threshold change with a minor bump', async () => {
    const { findings } = await versionFindings({ [rulesV2]: (text) => setVersion('2.1.0')(raiseThreshold(text)) });
    expect(findings).toEqual([]);
  });

  it('provenance change with a patch bump', async () => {
    const { findings } = await versionFindings({
      [rulesV2]: (text) => setVersion('2.0.1')(text.replace('threshold: { value: 2, provenance: provisional }', 'threshold: { value: 2, provenance: published }')),
    });
    expect(findings).toEqual([]);
  });

  it('comments and formatting need no bump', async () => {
    const { findings } = await versionFindings({
      [rulesV2]: (text) =>
        text
          .replace(/^#.*\n/gm, '')
          .replace('pointsRange: { min: 0, max: 4 }', 'pointsRange:\n  max: 4\n  min: 0   # reordered keys'),
    });
    expect(findings).toEqual([]);
  });

  it('baseline run through the CLI', async () => {
    const head = copyShippedRuleSet({ [rulesV2]: raiseThreshold });
    const run = await runCli(['--locale', 'en', 'validate', head, '--baseline', baseline]);

    expect(run.status).toBe(1);
    expect(run.stdout).toContain('13:10');
    expect(run.stdout).toContain('differs from the baseline');
    expect(run.stdout).toContain('[validate:version.notBumped]');
  });

  it('missing baseline folder exits 2', async () => {
    const run = await runCli(['validate', 'rules/screening', 'questionnaires', '--baseline', 'no-such-folder']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no-such-folder');
    expect(run.stdout).toBe('');
  });
});

describe('baseline matching', () => {
  it('checkout reads only its rule folders', async () => {
    // Copies in examples/ and test fixtures beside rules/ must not be taken for the baseline:
    // this one has the same kind, id and version as the shipped rules but another threshold.
    const checkout = copyRuleFiles();
    writeRuleFile(checkout, 'examples/diff/head/rules/bib-screening-2.0.0.yaml', raiseThreshold(readFileSync(join(checkout, rulesV2), 'utf8')));
    writeRuleFile(checkout, 'test/fixtures/rulesets/broken/rules.yaml', 'kind: ScreeningRules\nindicators: [\n');
    const report = await validateRuleFiles({ paths: [copyRuleFiles()], baselineDir: checkout });

    expect(report.findings.filter((finding) => finding.code.startsWith('validate:version.'))).toEqual([]);
  });

  it('screening rules match by questionnaire', async () => {
    // Rules of questionnaire 1.0.0 raised to 1.1.0 are below the baseline's rules of 2.0.0,
    // which have the same id. They are compared with the rules of questionnaire 1.0.0 only.
    const head = copyShippedRuleSet({ 'rules/screening/bib-screening-1.0.0.yaml': (text) => text.replace('version: "1.0.0"', 'version: "1.1.0"') });
    const paths = ['rules/screening/bib-screening-1.0.0.yaml', 'questionnaires/bib-screening-1.0.0.yaml'].map((file) => join(head, file));
    const report = await validateRuleFiles({ paths, baselineDir: baseline });

    expect(report.findings.filter((finding) => finding.code.startsWith('validate:version.'))).toEqual([]);
  });

  it('duplicate in a plain folder warns', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'bib-baseline-'));
    const shipped = readFileSync(join(baseline, rulesV2), 'utf8');
    writeRuleFile(plain, 'a/rules.yaml', shipped);
    const second = writeRuleFile(plain, 'b/rules.yaml', raiseThreshold(shipped));
    const report = await validateRuleFiles({ paths: [copyShippedRuleSet()], baselineDir: plain });
    const warnings = report.findings.filter((finding) => finding.code === 'validate:version.baselineDuplicate');

    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', file: second, params: { kind: 'ScreeningRules', id: 'bib-screening-rules', version: '2.0.0', used: join(plain, 'a/rules.yaml') } });
    expect(report.findings.filter((finding) => finding.code === 'validate:version.notBumped')).toEqual([]);
  });
});

describe('version going down', () => {
  it('lower version with other content', async () => {
    const { head, findings } = await versionFindings({ [rulesV2]: (text) => setVersion('1.9.0')(raiseThreshold(text)) });

    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'validate:version.lowered', severity: 'error', file: join(head, rulesV2), line: 13, column: 10 });
    expect(findings[0]!.params).toEqual({
      kind: 'ScreeningRules',
      id: 'bib-screening-rules',
      version: '1.9.0',
      baselineVersion: '2.0.0',
      baseline: join(baseline, rulesV2),
      suggested: '2.1.0',
    });
  });

  it('lower version with other provenance', async () => {
    const { findings } = await versionFindings({
      [rulesV2]: (text) => setVersion('1.9.0')(text.replace('threshold: { value: 2, provenance: provisional }', 'threshold: { value: 2, provenance: published }')),
    });
    expect(findings.map((finding) => [finding.code, finding.params['suggested']])).toEqual([['validate:version.lowered', '2.0.1']]);
  });

  it('lower version with the same content', async () => {
    const { findings } = await versionFindings({ [rulesV2]: setVersion('1.9.0') });
    expect(findings.map((finding) => finding.code)).toEqual(['validate:version.loweredSameContent']);
  });

  it('lower version through the CLI', async () => {
    const head = copyShippedRuleSet({ [rulesV2]: (text) => setVersion('1.9.0')(raiseThreshold(text)) });
    const run = await runCli(['--locale', 'en', 'validate', head, '--baseline', baseline]);

    expect(run.status).toBe(1);
    expect(run.stdout).toContain('goes down from 2.0.0 in the baseline');
    expect(run.stdout).toContain('[validate:version.lowered]');
  });
});

describe('bib validate help', () => {
  it('baseline example works as written', async () => {
    const help = await runCli(['validate', '--help']);
    expect(help.stdout).toContain('  mkdir ../rules-main && git archive main rules questionnaires | tar -x -C ../rules-main\n');
    expect(help.stdout).toContain('  bib validate --baseline ../rules-main --format json\n');

    // What git archive extracts: rules/ and questionnaires/ of the branch, here equal to the working tree.
    const rulesMain = copyRuleFiles();
    const run = await runCli(['validate', '--baseline', rulesMain, '--format', 'json']);
    const findings = JSON.parse(run.stdout) as { severity: string }[];

    expect(run.status).toBe(0);
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });
});

