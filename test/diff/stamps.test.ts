import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiffReport } from '../../src/diff/index.js';
import { loadCatalogFromFolder } from '../../src/ruleset/index.js';
import type { RuleTestReport } from '../../src/ruletest/index.js';
import type { ScreeningResult } from '../../src/screening/index.js';
import { projectRoot, runCli } from '../support/cli.js';
import { copyShippedRuleSet, questionnaireV2, rulesV2 } from '../support/ruleset-copy.js';

/**
 * Rewrites a rule file without changing its content: comments dropped, flow mappings written
 * as blocks with their keys in another order, and extra blank lines.
 */
function reformat(text: string): string {
  return text
    .replace(/^\s*#.*\n/gm, '')
    .replace(/^( *)pointsRange: \{ min: (\S+), max: (\S+) \}$/m, '$1pointsRange:\n$1  max: $3\n$1  min: $2')
    .replace(/^( *)threshold: \{ value: (\S+), provenance: (\S+) \}$/gm, '$1threshold:\n$1  provenance: $3\n$1  value: $2')
    .replace(/\n\n/g, '\n\n\n');
}

describe('rule-set stamps', () => {
  const shipped = copyShippedRuleSet();
  const reformatted = copyShippedRuleSet({ [rulesV2]: reformat, [questionnaireV2]: (text) => text.replace(/^#.*\n/gm, '') });

  it('hash ignores comments and formatting', async () => {
    expect(readFileSync(join(reformatted, rulesV2), 'utf8')).not.toBe(readFileSync(join(shipped, rulesV2), 'utf8'));
    const before = (await loadCatalogFromFolder(shipped)).screenings.get('bib-screening@2.0.0')!;
    const after = (await loadCatalogFromFolder(reformatted)).screenings.get('bib-screening@2.0.0')!;
    expect(after.sha256).toBe(before.sha256);
  });

  it('hash changes with a point value', async () => {
    const changed = copyShippedRuleSet({ [rulesV2]: (text) => text.replace('points: { belgium: 0, eu: 0.5, outside_eu: 1 }', 'points: { belgium: 0, eu: 0.75, outside_eu: 1 }') });
    const before = (await loadCatalogFromFolder(shipped)).screenings.get('bib-screening@2.0.0')!;
    const after = (await loadCatalogFromFolder(changed)).screenings.get('bib-screening@2.0.0')!;
    expect(after.sha256).not.toBe(before.sha256);
  });

  it('screen, test and diff name the same rules', async () => {
    const catalog = await loadCatalogFromFolder(shipped);
    const { id, version, sha256 } = catalog.screenings.get('bib-screening@2.0.0')!;
    const answers = join(projectRoot, 'examples', 'diff', 'answers', 'random-003.yaml');

    const screened = JSON.parse((await runCli(['screen', answers, '--rules', reformatted, '--format', 'json'])).stdout) as ScreeningResult;
    expect(screened.ruleSet).toEqual({ id, version, sha256 });

    const tested = JSON.parse((await runCli(['test', 'rules/tests/bib-screening-2.0.0.yaml', '--rules', reformatted, '--format', 'json'])).stdout) as RuleTestReport;
    expect(new Set(tested.cases.map((result) => result.ruleSet.sha256))).toEqual(new Set([sha256]));

    const diffed = JSON.parse((await runCli(['diff', '--base', shipped, '--head', reformatted, '--answers', answers, '--format', 'json'])).stdout) as DiffReport;
    expect(diffed.base.ruleSets[0]).toMatchObject({ id, version, sha256 });
    expect(diffed.head.ruleSets[0]).toMatchObject({ id, version, sha256 });
    expect(diffed.answerSets.changed).toBe(0);
  });

  it('reformat rewrites flow mappings', () => {
    expect(reformat('pointsRange: { min: 0, max: 4 }\n')).toBe('pointsRange:\n  max: 4\n  min: 0\n');
    expect(reformat('    threshold: { value: 2, provenance: provisional }\n')).toBe('    threshold:\n      provenance: provisional\n      value: 2\n');
  });
});
