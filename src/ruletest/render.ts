import type { Translator } from '../i18n/index.js';
import type { CaseResult, Mismatch } from './cases.js';
import type { RuleSetCoverage } from './coverage.js';
import type { RuleTestReport } from './run.js';

/** Renders the report as one JSON object with a trailing newline. */
export function renderRuleTestJson(report: RuleTestReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * Renders the report for people: the rule sets under test, one line per case, and the
 * expected and actual values of every failing case side by side. Then the summary and, when
 * measured, the coverage with the boundaries and care paths that no case reaches.
 */
export function renderRuleTestText(report: RuleTestReport, translator: Translator): string {
  const { t } = translator;
  const lines: string[] = [];
  const tested = new Set(report.cases.map((result) => result.ruleSet.sha256));
  for (const ruleSet of report.ruleSets.filter((candidate) => tested.has(candidate.sha256))) {
    lines.push(t('validate:test.ruleSet', { id: ruleSet.id, version: ruleSet.version, hash: ruleSet.sha256.slice(0, 12), questionnaire: ruleSet.questionnaire }));
  }
  lines.push('');

  for (const result of report.cases) {
    lines.push(`${result.passed ? '✓' : '✗'} ${where(result)}  ${result.id}`);
    if (!result.passed) lines.push(...mismatchTable(result.mismatches, translator), '');
  }

  lines.push('', t('validate:test.summary', { passed: t('validate:test.passedCount', { count: report.summary.passed }), failed: t('validate:test.failedCount', { count: report.summary.failed }) }));
  for (const coverage of report.coverage ?? []) lines.push('', ...coverageLines(coverage, translator));
  return `${lines.join('\n')}\n`;
}

function where(result: CaseResult): string {
  return result.line === undefined ? result.file : `${result.file}:${result.line}:${result.column ?? 1}`;
}

function mismatchTable(mismatches: readonly Mismatch[], translator: Translator): string[] {
  const { t } = translator;
  const rows = [
    [t('validate:test.column.what'), t('validate:test.column.expected'), t('validate:test.column.actual')],
    ...mismatches.map((mismatch) => [mismatch.path, shown(mismatch.expected, translator), shown(mismatch.actual, translator)]),
  ];
  return table(rows).map((line) => `    ${line}`);
}

function shown(value: Mismatch['expected'], translator: Translator): string {
  if (value === null) return translator.t('validate:test.absent');
  if (typeof value === 'boolean') return translator.t(value ? 'validate:test.yes' : 'validate:test.no');
  if (Array.isArray(value)) return value.length === 0 ? translator.t('validate:test.none') : value.join(', ');
  return String(value);
}

function coverageLines(coverage: RuleSetCoverage, translator: Translator): string[] {
  const { t } = translator;
  const { ruleSet } = coverage;
  const lines = [t('validate:coverage.heading', { id: ruleSet.id, version: ruleSet.version, questionnaire: ruleSet.questionnaire })];

  const boundary = (score: number | null, cases: readonly string[]) =>
    score === null ? t('validate:coverage.unreachable') : `${score}: ${cases.length === 0 ? t('validate:coverage.noCase') : t('validate:coverage.caseCount', { count: cases.length })}`;
  const indicatorRows = [
    [t('validate:coverage.column.indicator'), t('validate:coverage.column.threshold'), t('validate:coverage.column.atThreshold'), t('validate:coverage.column.justBelow')],
    ...coverage.indicators.map((indicator) => [
      indicator.id,
      String(indicator.threshold),
      boundary(indicator.atThreshold.score, indicator.atThreshold.cases),
      boundary(indicator.justBelow.score, indicator.justBelow.cases),
    ]),
  ];
  lines.push(...table(indicatorRows).map((line) => `  ${line}`), '');

  const carePathRows = [
    [t('validate:coverage.column.carePath'), t('validate:coverage.column.triggered')],
    ...coverage.carePaths.map((carePath) => [carePath.id, carePath.cases.length === 0 ? t('validate:coverage.noCase') : t('validate:coverage.caseCount', { count: carePath.cases.length })]),
  ];
  lines.push(...table(carePathRows).map((line) => `  ${line}`), '');

  if (coverage.uncovered.length === 0) {
    lines.push(`  ${t('validate:coverage.complete')}`);
    return lines;
  }
  lines.push(`  ${t('validate:coverage.gapsHeading', { count: coverage.uncovered.length })}`);
  for (const gap of coverage.uncovered) lines.push(`    - ${t(`validate:coverage.gap.${gap.kind}`, { id: gap.id, score: gap.score ?? '' })}`);
  return lines;
}

/** Pads the columns of a table of text cells to a common width, two spaces apart. */
export function table(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index]!))).join('  ').trimEnd());
}
