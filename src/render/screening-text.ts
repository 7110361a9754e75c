import type { Translator } from '../i18n/index.js';
import type { CarePathResult, IndicatorResult, ScreeningResult } from '../screening/index.js';

/** Styling hooks, so the CLI can add colour on a terminal and tests get plain text. */
export interface TextStyle {
  heading(text: string): string;
  strong(text: string): string;
  priority(priority: string, text: string): string;
}

export const plainStyle: TextStyle = {
  heading: (text) => text,
  strong: (text) => text,
  priority: (_priority, text) => text,
};

/** Priorities from highest to lowest, for sorting care paths; unknown ones go last. */
function byPriorityDescending(priorities: readonly string[]) {
  return (a: CarePathResult, b: CarePathResult) => priorities.indexOf(b.priority) - priorities.indexOf(a.priority);
}

/**
 * Renders a readable summary of a screening result in the translator's language: positive and
 * incomplete indicators first with the reason in words, then the care paths by priority with
 * their actions, then the other indicators in one line each. Every text comes from `locales/`.
 * `priorities` lists the rule set's priorities from lowest to highest; with `allCategories`
 * (the questionnaire's data categories), a view limited to fewer categories says so.
 */
export function renderScreeningText(
  result: ScreeningResult,
  translator: Translator,
  options: { priorities: readonly string[]; style?: TextStyle; allCategories?: readonly string[] },
): string {
  const { t } = translator;
  const style = options.style ?? plainStyle;
  const lines: string[] = [];

  lines.push(
    style.heading(
      t('cli:screen.title', {
        questionnaire: result.questionnaire.id,
        version: result.questionnaire.version,
      }),
    ),
  );
  lines.push(
    t('cli:screen.ruleSet', {
      id: result.ruleSet.id,
      version: result.ruleSet.version,
      hash: result.ruleSet.sha256.slice(0, 12),
    }),
  );

  // A view limited to some categories says so in the same words whatever the answers are,
  // so the line itself reveals nothing about hidden data.
  const viewer = 'viewer' in result ? (result as { viewer: { role: string; categories: string[] } }).viewer : undefined;
  if (viewer && options.allCategories && viewer.categories.length < options.allCategories.length) {
    const shown = viewer.categories.map((category) => t(`questionnaire:categories.${category}`)).join(', ');
    lines.push(t('cli:screen.limitedView', { role: viewer.role, categories: shown }));
  }

  const positive = result.indicators.filter((indicator) => indicator.status === 'positive');
  const incomplete = result.indicators.filter((indicator) => indicator.status === 'incomplete');
  const negative = result.indicators.filter((indicator) => indicator.status === 'negative');
  const notApplicable = result.indicators.filter((indicator) => indicator.status === 'not_applicable');

  lines.push('', style.heading(positive.length === 0 ? t('cli:screen.positiveNone') : t('cli:screen.positiveHeading', { count: positive.length })));
  for (const indicator of positive) lines.push(...positiveLines(indicator, translator, style));

  lines.push('', style.heading(incomplete.length === 0 ? t('cli:screen.incompleteNone') : t('cli:screen.incompleteHeading', { count: incomplete.length })));
  for (const indicator of incomplete) lines.push(...incompleteLines(indicator, translator, style));

  const carePaths = [...result.carePaths].sort(byPriorityDescending(options.priorities));
  lines.push('', style.heading(carePaths.length === 0 ? t('cli:screen.carePathsNone') : t('cli:screen.carePathsHeading', { count: carePaths.length })));
  for (const carePath of carePaths) lines.push(...carePathLines(carePath, translator, style));

  lines.push('', style.heading(t('cli:screen.otherHeading')));
  lines.push(`  ${t('cli:screen.negativeList', { count: negative.length, names: names(negative, translator) })}`);
  if (notApplicable.length > 0) {
    lines.push(`  ${t('cli:screen.notApplicableList', { count: notApplicable.length, names: names(notApplicable, translator) })}`);
  }
  for (const ignored of result.ignoredFollowUps ?? []) {
    lines.push(
      `  ${t('cli:screen.ignoredFollowUp', {
        question: t(`questionnaire:followUps.${ignored.id}.question`),
        answer: ignored.answer === 'declined' ? t('questionnaire:declined') : t(`questionnaire:followUps.${ignored.id}.options.${ignored.answer}`),
        carePath: t(`screening:carePaths.${ignored.carePath}.name`),
      })}`,
    );
  }
  for (const ignored of result.ignoredAnswers) {
    lines.push(`  ${t('cli:screen.ignoredAnswer', { question: itemLabel(ignored.item, translator), answer: optionLabel(ignored.item, ignored.option, translator) })}`);
  }

  const suspicions = 'suspicions' in result ? (result as { suspicions: SuspicionLine[] }).suspicions : [];
  if (suspicions.length > 0) {
    lines.push('', style.heading(t('cli:screen.suspicionsHeading', { count: suspicions.length })));
    for (const note of suspicions) {
      lines.push(`  ${t('cli:screen.suspicion', { indicator: t(`screening:indicators.${note.indicator}.name`), text: note.text, author: note.author, recordedAt: note.recordedAt })}`);
    }
  }

  return `${lines.join('\n')}\n`;
}

/** The fields of a suspicion note that the summary shows. */
interface SuspicionLine {
  indicator: string;
  text: string;
  author: string;
  recordedAt: string;
}

function names(indicators: readonly IndicatorResult[], translator: Translator): string {
  if (indicators.length === 0) return '–';
  return indicators.map((indicator) => translator.t(`screening:indicators.${indicator.id}.name`)).join(', ');
}

function positiveLines(indicator: IndicatorResult, translator: Translator, style: TextStyle): string[] {
  const { t } = translator;
  const lines = [
    `  ${style.strong(t(`screening:indicators.${indicator.id}.name`))} – ${t('cli:screen.scoreOfThreshold', { count: indicator.score, score: formatNumber(indicator.score, translator), threshold: formatNumber(indicator.threshold, translator) })}`,
    `    ${t(`screening:indicators.${indicator.id}.positive`)}`,
  ];
  for (const contribution of indicator.contributions.filter((entry) => entry.points > 0)) {
    lines.push(
      `    · ${t('cli:screen.contribution', {
        question: itemLabel(contribution.item, translator),
        answer: optionLabel(contribution.item, contribution.option, translator),
        count: contribution.points,
        points: formatNumber(contribution.points, translator),
      })}`,
    );
  }
  return lines;
}

function incompleteLines(indicator: IndicatorResult, translator: Translator, style: TextStyle): string[] {
  const { t } = translator;
  const lines = [
    `  ${style.strong(t(`screening:indicators.${indicator.id}.name`))} – ${t('cli:screen.incompleteReason', {
      count: indicator.score,
      score: formatNumber(indicator.score, translator),
      threshold: formatNumber(indicator.threshold, translator),
      reachable: formatNumber(indicator.maxReachable, translator),
    })}`,
  ];
  for (const missing of indicator.missing) {
    lines.push(`    · ${t(`cli:screen.missing.${missing.reason}`, { question: itemLabel(missing.item, translator) })}`);
  }
  return lines;
}

function carePathLines(carePath: CarePathResult, translator: Translator, style: TextStyle): string[] {
  const { t } = translator;
  const priority = t(`screening:priority.${carePath.priority}`);
  const trigger = carePath.triggeredBy.map((indicator) => t(`screening:indicators.${indicator}.name`)).join(', ');
  const lines = [
    `  ${style.priority(carePath.priority, `[${priority}]`)} ${style.strong(t(`screening:carePaths.${carePath.id}.name`))}` +
      (trigger ? ` – ${t('cli:screen.triggeredBy', { indicators: trigger })}` : ''),
  ];
  for (const action of carePath.actions) {
    const text = t(`screening:actions.${action.id}`);
    lines.push(
      action.followUp
        ? `    → ${text} (${t('cli:screen.becauseFollowUp', { question: t(`questionnaire:followUps.${action.followUp}.question`) })})`
        : `    → ${text}`,
    );
  }
  for (const followUp of carePath.followUps.filter((entry) => entry.answer === null)) {
    lines.push(`    ? ${t('cli:screen.askFollowUp', { question: t(`questionnaire:followUps.${followUp.id}.question`) })}`);
  }
  return lines;
}

function itemLabel(item: string, translator: Translator): string {
  return translator.t(`questionnaire:items.${item}.question`);
}

function optionLabel(item: string, option: string, translator: Translator): string {
  if (option === 'declined') return translator.t('questionnaire:declined');
  return translator.t(`questionnaire:items.${item}.options.${option}`);
}

function formatNumber(value: number, translator: Translator): string {
  return new Intl.NumberFormat(translator.locale === 'en' ? 'en-GB' : `${translator.locale}-BE`, { maximumFractionDigits: 2 }).format(value);
}
