import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateRuleFiles } from '../../src/validate/index.js';
import { projectRoot, runCli } from '../support/cli.js';

const shippedPaths = [join(projectRoot, 'rules', 'screening'), join(projectRoot, 'questionnaires')];
const rulesV2 = join(projectRoot, 'rules', 'screening', 'bib-screening-2.0.0.yaml');

/** Lines of a file that set a provenance to provisional, counted in the text itself. */
function provisionalLines(file: string): number[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, index) => (/provenance: provisional\b/.test(line) ? [index + 1] : []));
}

describe('provisional values', () => {
  it('one warning per file with the count', async () => {
    const report = await validateRuleFiles({ paths: shippedPaths });
    const warnings = report.findings.filter((finding) => finding.code === 'validate:provenance.remaining');

    expect(warnings.map((finding) => finding.file)).toEqual([join(projectRoot, 'rules/screening/bib-screening-1.0.0.yaml'), rulesV2]);
    expect(warnings.every((finding) => finding.severity === 'warning')).toBe(true);
    expect(warnings[1]!.params['count']).toBe(provisionalLines(rulesV2).length);
    expect(report.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it('strict makes each one an error', async () => {
    const report = await validateRuleFiles({ paths: shippedPaths, strict: true });
    const errors = report.findings.filter((finding) => finding.file === rulesV2);

    expect(errors.every((finding) => finding.code === 'validate:provenance.provisional' && finding.severity === 'error')).toBe(true);
    expect(errors.map((finding) => finding.line)).toEqual(provisionalLines(rulesV2));
  });

  it('strict error names the value', async () => {
    const report = await validateRuleFiles({ paths: shippedPaths, strict: true });
    const first = report.findings.find((finding) => finding.file === rulesV2)!;

    expect(first.path).toEqual(['indicators', 0, 'threshold', 'provenance']);
    expect(first.params['value']).toBe('indicators[0].threshold (communication)');
  });

  it('published values pass strict', async () => {
    const report = await validateRuleFiles({ paths: [join(projectRoot, 'test/fixtures/rulesets/valid')], strict: true });
    const lines = report.findings.map((finding) => finding.line);
    // The depression indicator of the fixture is published; its lines 29 to 36 give no error.
    expect(lines.filter((line) => line !== undefined && line >= 29 && line <= 36)).toEqual([]);
    expect(report.findings).toHaveLength(provisionalLines(join(projectRoot, 'test/fixtures/rulesets/valid/rules.yaml')).length);
  });

  it('strict run exits 1, normal run 0', async () => {
    const normal = await runCli(['validate', 'rules/screening', 'questionnaires']);
    const strict = await runCli(['validate', '--strict', 'rules/screening', 'questionnaires']);
    expect(normal.status).toBe(0);
    expect(strict.status).toBe(1);
  });
});
