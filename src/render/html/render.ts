import { errorFinding, InputError } from '../../findings/index.js';
import type { Translator } from '../../i18n/index.js';
import { formatCivilDate, parseCivilDate, type CivilDate } from '../../periods/index.js';
import type { CarePathResult, IndicatorResult } from '../../screening/index.js';
import type { ScreeningView } from '../../visibility/index.js';
import { element, Markup, type Content } from './markup.js';
import { pageStyle } from './style.js';

export interface HtmlOptions {
  /** The date printed on the page, normally the day of the screening. The renderer reads no clock. */
  date: CivilDate;
  /** The rule set's priorities from lowest to highest, to list care paths most urgent first. */
  priorities: readonly string[];
  /** Item ids in questionnaire order, to list her answers in that order. */
  itemOrder?: readonly string[];
}

/**
 * Renders a screening view as one self-contained, printable HTML page in the translator's
 * language: the care paths with their actions, the indicators, her answers, the rule set
 * version and the date. Every text comes from `locales/` and is escaped exactly once here,
 * so translations and notes stay plain text. Throws InputError for a date that does not exist.
 */
export function renderHtml(view: ScreeningView, translator: Translator, options: HtmlOptions): string {
  const t = editorTexts(translator);
  const date = formatDate(options.date, translator);

  const head = element(
    'head',
    {},
    new Markup('<meta charset="utf-8">'),
    new Markup('<meta name="viewport" content="width=device-width, initial-scale=1">'),
    element('title', {}, t('html.documentTitle', { date })),
    element('style', {}, new Markup(pageStyle)),
  );
  const body = element(
    'body',
    {},
    headerSection(view, translator, date),
    carePathSection(view, translator, options.priorities),
    indicatorSection(view, translator),
    answerSection(view, translator, options.itemOrder ?? []),
    ignoredAnswerSection(view, translator),
    suspicionSection(view, translator),
  );
  return `<!DOCTYPE html>\n${element('html', { lang: translator.locale }, head, body).html}\n`;
}

function headerSection(view: ScreeningView, translator: Translator, date: string): Markup {
  const t = editorTexts(translator);
  const categories = view.viewer.categories.map((category) => translator.t(`questionnaire:categories.${category}`)).join(', ');
  return element(
    'header',
    {},
    element('h1', {}, translator.t('questionnaire:title')),
    element('p', { class: 'meta' }, t('html.screeningDate', { date })),
    element('p', { class: 'meta' }, t('html.questionnaire', { id: view.questionnaire.id, version: view.questionnaire.version })),
    element('p', { class: 'meta' }, t('html.ruleSet', { id: view.ruleSet.id, version: view.ruleSet.version, hash: view.ruleSet.sha256.slice(0, 12) })),
    element('p', { class: 'meta' }, t('html.viewer', { role: view.viewer.role, categories })),
  );
}

function carePathSection(view: ScreeningView, translator: Translator, priorities: readonly string[]): Markup {
  const t = editorTexts(translator);
  const carePaths = [...view.carePaths].sort((a, b) => priorities.indexOf(b.priority) - priorities.indexOf(a.priority));
  const content: Content =
    carePaths.length === 0
      ? element('p', { class: 'empty' }, t('html.noCarePaths'))
      : element('ol', { class: 'care-paths' }, carePaths.map((carePath) => carePathItem(carePath, translator)));
  return element('section', { id: 'care-paths' }, element('h2', {}, t('html.carePathsHeading')), content);
}

function carePathItem(carePath: CarePathResult, translator: Translator): Markup {
  const { t } = translator;
  const editor = editorTexts(translator);
  const triggeredBy = carePath.triggeredBy.map((indicator) => t(`screening:indicators.${indicator}.name`)).join(', ');

  const actions = carePath.actions.map((action) => {
    const text = t(`screening:actions.${action.id}`);
    return element('li', { 'data-action': action.id }, action.followUp ? `${text} (${editor('html.becauseFollowUp')})` : text);
  });
  const followUps = carePath.followUps.map((followUp) => {
    const question = t(`questionnaire:followUps.${followUp.id}.question`);
    if (followUp.answer === null) return element('li', {}, editor('html.followUpOpen', { question }));
    const answer = followUp.answer === 'declined' ? t('questionnaire:declined') : t(`questionnaire:followUps.${followUp.id}.options.${followUp.answer}`);
    return element('li', { 'data-follow-up': followUp.id }, editor('html.followUpAnswer', { question, answer }));
  });

  return element(
    'li',
    { class: `care-path priority-${carePath.priority}`, 'data-care-path': carePath.id },
    element('h3', {}, element('span', { class: 'priority' }, t(`screening:priority.${carePath.priority}`)), t(`screening:carePaths.${carePath.id}.name`)),
    element('p', {}, t(`screening:carePaths.${carePath.id}.description`)),
    triggeredBy ? element('p', {}, editor('html.triggeredBy', { indicators: triggeredBy })) : [],
    element('ul', { class: 'actions' }, actions),
    followUps.length > 0 ? element('ul', { class: 'follow-ups' }, followUps) : [],
  );
}

function indicatorSection(view: ScreeningView, translator: Translator): Markup {
  const t = editorTexts(translator);
  const header = element(
    'thead',
    {},
    element('tr', {}, element('th', {}, t('html.column.indicator')), element('th', {}, t('html.column.status')), element('th', {}, t('html.column.score'))),
  );
  const rows = view.indicators.map((indicator) => indicatorRow(indicator, translator));
  return element('section', { id: 'indicators' }, element('h2', {}, t('html.indicatorsHeading')), element('table', {}, header, element('tbody', {}, rows)));
}

function indicatorRow(indicator: IndicatorResult, translator: Translator): Markup {
  const { t } = translator;
  const name: Content[] = [element('div', {}, t(`screening:indicators.${indicator.id}.name`))];
  if (indicator.status === 'positive') name.push(element('div', { class: 'indicator-reason' }, t(`screening:indicators.${indicator.id}.positive`)));

  return element(
    'tr',
    { class: `indicator status-${indicator.status}`, 'data-indicator': indicator.id },
    element('td', {}, name),
    element('td', { class: 'status' }, t(`screening:status.${indicator.status}`)),
    element('td', {}, `${formatNumber(indicator.score, translator)} / ${formatNumber(indicator.threshold, translator)}`),
  );
}

function answerSection(view: ScreeningView, translator: Translator, itemOrder: readonly string[]): Markup {
  const t = editorTexts(translator);
  const rank = (item: string) => (itemOrder.includes(item) ? itemOrder.indexOf(item) : itemOrder.length);
  const items = Object.keys(view.answers).sort((a, b) => rank(a) - rank(b));

  const content: Content =
    items.length === 0
      ? element('p', { class: 'empty' }, t('html.noAnswers'))
      : element(
          'table',
          {},
          element('thead', {}, element('tr', {}, element('th', {}, t('html.column.question')), element('th', {}, t('html.column.answer')))),
          element('tbody', {}, items.map((item) => answerRow(item, view.answers[item]!, translator))),
        );
  return element('section', { id: 'answers' }, element('h2', {}, t('html.answersHeading')), content);
}

function answerRow(item: string, option: string, translator: Translator): Markup {
  return element(
    'tr',
    { class: 'answer', 'data-item': item },
    element('td', {}, translator.t(`questionnaire:items.${item}.question`)),
    element('td', {}, optionText(item, option, translator)),
  );
}

function ignoredAnswerSection(view: ScreeningView, translator: Translator): Content {
  if (view.ignoredAnswers.length === 0) return [];
  const t = editorTexts(translator);
  const rows = view.ignoredAnswers.map((ignored) => answerRow(ignored.item, ignored.option, translator));
  return element('section', { id: 'ignored-answers' }, element('h2', {}, t('html.ignoredHeading')), element('table', {}, element('tbody', {}, rows)));
}

function suspicionSection(view: ScreeningView, translator: Translator): Content {
  if (view.suspicions.length === 0) return [];
  const t = editorTexts(translator);
  const items = view.suspicions.map((note) =>
    element(
      'li',
      { 'data-indicator': note.indicator },
      t('html.suspicion', { indicator: translator.t(`screening:indicators.${note.indicator}.name`), text: note.text, author: note.author, recordedAt: note.recordedAt }),
    ),
  );
  return element('section', { id: 'suspicions' }, element('h2', {}, t('html.suspicionsHeading')), element('ul', {}, items));
}

function optionText(item: string, option: string, translator: Translator): string {
  if (option === 'declined') return translator.t('questionnaire:declined');
  return translator.t(`questionnaire:items.${item}.options.${option}`);
}

/** Looks up a text of this renderer in the `editor` namespace. */
function editorTexts(translator: Translator) {
  return (key: string, params?: Record<string, unknown>) => translator.t(`editor:${key}`, params);
}

function formatDate(date: CivilDate, translator: Translator): string {
  const text = formatCivilDate(date);
  if (!parseCivilDate(text)) throw new InputError([errorFinding('editor:html.invalidDate', { date: text })]);

  // The civil date is formatted at UTC midnight in UTC, so no time zone can move it by a day.
  const instant = new Date(Date.UTC(date.year, date.month - 1, date.day));
  return new Intl.DateTimeFormat(intlLocale(translator), { dateStyle: 'long', timeZone: 'UTC' }).format(instant);
}

function formatNumber(value: number, translator: Translator): string {
  return new Intl.NumberFormat(intlLocale(translator), { maximumFractionDigits: 2 }).format(value);
}

/** Picks Belgian formats for nl, fr and de, and British English for en. */
function intlLocale(translator: Translator): string {
  return translator.locale === 'en' ? 'en-GB' : `${translator.locale}-BE`;
}
