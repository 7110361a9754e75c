import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateRuleFiles } from '../../src/validate/index.js';
import { projectRoot, runCli } from '../support/cli.js';
import { copyShippedRuleSet, rulesV2 } from '../support/ruleset-copy.js';

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
