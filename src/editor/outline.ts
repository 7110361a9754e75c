import type { Translator } from '../i18n/index.js';
import type { ScreeningRuleSet } from '../ruleset/index.js';
import { skipCondition } from './enable-condition.js';

/**
 * One line of a questionnaire as `bib questionnaire show` prints it. The rows of two
 * languages have the same kinds and codes in the same order, so they can stand side by side.
 */
export interface OutlineRow {
  kind: 'title' | 'subtitle' | 'heading' | 'field' | 'question' | 'condition' | 'option';
  /** The id or option code the row is about, when it has one. */
  code?: string;
  /** The item's number in the questionnaire, for question rows. */
  number?: number;
  text: string;
}

/**
 * Lists the whole questionnaire in the translator's language: the identification fields,
 * every item in order with its options and its enable condition in words, then the
 * follow-up questions of the care paths.
 */
export function outlineQuestionnaire(ruleSet: ScreeningRuleSet, translator: Translator): OutlineRow[] {
  const { t } = translator;
  const questionnaire = ruleSet.questionnaire;
  const rows: OutlineRow[] = [
    { kind: 'title', text: t('questionnaire:title') },
    { kind: 'subtitle', text: t('editor:questionnaire.header', { id: questionnaire.id, version: questionnaire.version, count: questionnaire.items.length }) },
    { kind: 'subtitle', text: t('editor:questionnaire.declinedNote', { declined: t('questionnaire:declined') }) },
  ];

  if (questionnaire.identification.length > 0) {
    rows.push({ kind: 'heading', code: 'identification', text: t('questionnaire:categories.identification') });
    for (const field of questionnaire.identification) {
      const requirement = t(field.required ? 'editor:questionnaire.required' : 'editor:questionnaire.optional');
      rows.push({ kind: 'field', code: field.id, text: `${t(`questionnaire:identification.${field.id}`)} (${requirement})` });
    }
  }

  let category: string | undefined;
  questionnaire.items.forEach((item, index) => {
    if (item.category !== category) {
      category = item.category;
      rows.push({ kind: 'heading', code: category, text: t(`questionnaire:categories.${category}`) });
    }
    rows.push({ kind: 'question', code: item.id, number: index + 1, text: t(`questionnaire:items.${item.id}.question`) });

    const skip = skipCondition(item, questionnaire);
    if (skip) {
      const answers = skip.options.map((option) => t(`questionnaire:items.${skip.item}.options.${option}`));
      rows.push({ kind: 'condition', text: t('editor:questionnaire.skippedWhen', { question: t(`questionnaire:items.${skip.item}.question`), answers: answers.join(' / ') }) });
    }
    for (const option of item.options) {
      rows.push({ kind: 'option', code: option, text: t(`questionnaire:items.${item.id}.options.${option}`) });
    }
  });

  const withFollowUps = ruleSet.carePaths.filter((carePath) => carePath.followUps.length > 0);
  if (withFollowUps.length > 0) {
    rows.push({ kind: 'heading', code: 'followUps', text: t('editor:questionnaire.followUpsHeading') });
    for (const carePath of withFollowUps) {
      for (const followUp of carePath.followUps) {
        rows.push({ kind: 'question', code: followUp.id, text: t(`questionnaire:followUps.${followUp.id}.question`) });
        rows.push({ kind: 'condition', text: t('editor:questionnaire.followUpOf', { carePath: t(`screening:carePaths.${carePath.id}.name`) }) });
        for (const option of ['yes', 'no']) {
          rows.push({ kind: 'option', code: option, text: t(`questionnaire:followUps.${followUp.id}.options.${option}`) });
        }
      }
    }
  }
  return rows;
}

/** Renders one language's outline as indented plain text, with ids and codes in brackets. */
export function renderOutline(rows: readonly OutlineRow[]): string {
  const lines: string[] = [];
  for (const row of rows) {
    switch (row.kind) {
      case 'title':
        lines.push(row.text);
        break;
      case 'subtitle':
        lines.push(row.text);
        break;
      case 'heading':
        lines.push('', row.text);
        break;
      case 'field':
        lines.push(`  ${row.text} [${row.code}]`);
        break;
      case 'question':
        lines.push(`${numberPrefix(row)}${row.text} [${row.code}]`);
        break;
      case 'condition':
        lines.push(`      ${row.text}`);
        break;
      case 'option':
        lines.push(`      - ${row.text} [${row.code}]`);
        break;
    }
  }
  return lines.join('\n') + '\n';
}

function numberPrefix(row: OutlineRow): string {
  return row.number === undefined ? '   •  ' : `${String(row.number).padStart(4)}. `;
}

/**
 * Renders two outlines of the same questionnaire side by side: the id or code in a left
 * margin, then one column per language, each wrapped to fit `width` characters.
 */
export function renderOutlineColumns(
  left: readonly OutlineRow[],
  right: readonly OutlineRow[],
  languages: readonly [string, string],
  width: number,
): string {
  const labels = left.map(marginLabel);
  const margin = Math.min(32, Math.max(...labels.map(length)) + 2);
  const columnWidth = Math.max(20, Math.floor((width - margin - 3) / 2));
  const lines: string[] = [joinColumns('', [languages[0], languages[1]], margin, columnWidth)[0]!];

  left.forEach((row, index) => {
    const other = right[index]!;
    const label = labels[index]!;
    if (row.kind === 'heading') lines.push('');
    if (length(label) >= margin) {
      // A label wider than the margin gets its own line, so the columns stay aligned.
      lines.push(label);
      lines.push(...joinColumns('', [row.text, other.text], margin, columnWidth));
    } else {
      lines.push(...joinColumns(label, [row.text, other.text], margin, columnWidth));
    }
  });
  return lines.join('\n') + '\n';
}

function marginLabel(row: OutlineRow): string {
  if (row.kind === 'question') return row.number === undefined ? `• ${row.code}` : `${row.number}. ${row.code}`;
  if (row.kind === 'option' || row.kind === 'field' || row.kind === 'heading') return `  ${row.code}`;
  return '';
}

function joinColumns(label: string, texts: readonly [string, string], margin: number, columnWidth: number): string[] {
  const leftLines = wrap(texts[0], columnWidth);
  const rightLines = wrap(texts[1], columnWidth);
  const count = Math.max(leftLines.length, rightLines.length);

  const lines: string[] = [];
  for (let index = 0; index < count; index++) {
    const line = `${pad(index === 0 ? label : '', margin)}${pad(leftLines[index] ?? '', columnWidth)} │ ${rightLines[index] ?? ''}`;
    lines.push(line.trimEnd());
  }
  return lines;
}

/** Breaks a text into lines of at most `width` characters at spaces. A longer word stays whole. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    if (line === '') line = word;
    else if (length(line) + 1 + length(word) <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** Counts code points, so an accented letter takes one column. */
function length(text: string): number {
  return [...text].length;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - length(text)));
}
