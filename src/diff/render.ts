import type { Translator } from '../i18n/index.js';
import { table } from '../ruletest/render.js';
import type { DiffReport, UsedRuleSet } from './diff.js';
import type { CarePathChange, IndicatorChange, StatusOrAbsent } from './outcome.js';

/** Renders the report as one JSON object with a trailing newline. */
export function renderDiffJson(report: DiffReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * Renders the report for people: the rule sets on each side and the mappings between
 * questionnaire versions first. Then a table of indicators and one of care paths, with the
 * counts on each side and the changes in each direction, and each changed answer set.
 */
export function renderDiffText(report: DiffReport, translator: Translator): string {
  const { t } = translator;
  const lines: string[] = [];
  const { total, changed, scoreOnly } = report.answerSets;
  lines.push(t('validate:diff.title', { total: t('validate:diff.answerSetCount', { count: total }), changed, scoreOnly }));
  for (const ruleSet of report.base.ruleSets) lines.push(ruleSetLine('validate:diff.baseRuleSet', ruleSet, translator));
  for (const ruleSet of report.head.ruleSets) lines.push(ruleSetLine('validate:diff.headRuleSet', ruleSet, translator));
  for (const mapping of report.mappings) {
    lines.push(
      t(`validate:diff.mapping.${mapping.side}`, {
        sets: t('validate:diff.answerSetCount', { count: mapping.answerSets }),
        from: mapping.from,
        to: mapping.to,
        ignored: mapping.ignoredItems.length === 0 ? t('validate:diff.nothing') : mapping.ignoredItems.join(', '),
      }),
    );
  }
  lines.push('');

  const indicatorRows = [
    ['indicator', 'positiveBase', 'positiveHead', 'toPositive', 'fromPositive', 'otherChanges'].map((column) => t(`validate:diff.column.${column}`)),
    ...report.indicators.map((entry) => [entry.id, ...[entry.positive.base, entry.positive.head, entry.toPositive, entry.fromPositive, entry.otherChanges].map(String)]),
  ];
  lines.push(...table(alignNumbers(indicatorRows)), '');

  const carePathRows = [
    ['carePath', 'triggeredBase', 'triggeredHead', 'newlyTriggered', 'noLongerTriggered', 'priorityChanged', 'actionsChanged'].map((column) => t(`validate:diff.column.${column}`)),
    ...report.carePaths.map((entry) => [
      entry.id,
      ...[entry.triggered.base, entry.triggered.head, entry.newlyTriggered, entry.noLongerTriggered, entry.priorityChanged, entry.actionsChanged].map(String),
    ]),
  ];
  lines.push(...table(alignNumbers(carePathRows)), '');

  if (report.changed.length === 0) {
    lines.push(t('validate:diff.unchanged'));
    return `${lines.join('\n')}\n`;
  }
  lines.push(report.truncated ? t('validate:diff.changedTruncated', { count: changed, listed: report.changed.length }) : t('validate:diff.changedHeading', { count: changed }));
  for (const entry of report.changed) {
    lines.push(`  ${entry.answerSet}`);
    for (const change of entry.indicators) lines.push(`    ${indicatorChange(change, translator)}`);
    for (const change of entry.carePaths) lines.push(`    ${carePathChange(change, translator)}`);
  }
  return `${lines.join('\n')}\n`;
}

function ruleSetLine(key: string, ruleSet: UsedRuleSet, translator: Translator): string {
  return translator.t(key, {
    id: ruleSet.id,
    version: ruleSet.version,
    hash: ruleSet.sha256.slice(0, 12),
    questionnaire: ruleSet.questionnaire,
    sets: translator.t('validate:diff.answerSetCount', { count: ruleSet.answerSets }),
  });
}

function indicatorChange(change: IndicatorChange, translator: Translator): string {
  const status = (value: StatusOrAbsent) => (value === 'absent' ? translator.t('validate:diff.absent') : translator.t(`screening:status.${value}`));
  const score = (value: number | null) => (value === null ? '–' : String(value));
  return translator.t('validate:diff.indicatorChange', {
    id: change.id,
    from: status(change.base.status),
    to: status(change.head.status),
    fromScore: score(change.base.score),
    toScore: score(change.head.score),
  });
}

function carePathChange(change: CarePathChange, translator: Translator): string {
  const side = (value: CarePathChange['base']) =>
    value === null ? translator.t('validate:diff.notTriggered') : `${translator.t(`screening:priority.${value.priority}`)} (${value.actions.join(', ')})`;
  return translator.t('validate:diff.carePathChange', { id: change.id, from: side(change.base), to: side(change.head) });
}

/** Right-aligns every column but the first, so counts line up under their headings. */
function alignNumbers(rows: string[][]): string[][] {
  const widths = rows[0]!.map((_, index) => Math.max(...rows.map((row) => row[index]!.length)));
  return rows.map((row, rowIndex) => row.map((cell, index) => (index === 0 || rowIndex === 0 ? cell : cell.padStart(widths[index]!))));
}
