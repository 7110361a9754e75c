import type { IndicatorStatus } from '../../screening/result.js';
import type { LoadedDocument, WrittenQuestionnaire, WrittenScreeningRules } from '../../ruleset/index.js';
import { errorFinding, type Finding, type PathSegment } from '../../findings/index.js';
import type { SourceDocument } from '../../source/index.js';
import { missingLocation, reportedId, type LocaleCheckContext } from './context.js';

/** A text that the questionnaire or the screening rules need in every language. */
export interface RequiredText {
  namespace: string;
  key: string;
  /** The finding code when the text is missing, such as `editor:locales.itemWithoutText`. */
  code: string;
  /** The ids that the finding message names (`item`, `option`, `indicator` …). */
  params: Record<string, string>;
  /** Location of the content that needs the text, as `file:line`, or empty for a text that code prints. */
  source: string;
}

// A Record, so that a new status in the result type fails to compile until it has a text.
const statusTexts: Record<IndicatorStatus, true> = { positive: true, negative: true, incomplete: true, not_applicable: true };

/**
 * Lists the texts that the questionnaires and screening rules in `documents` need: every
 * item question and option, identification field, data category, follow-up question,
 * indicator, care path, action and priority, plus the fixed texts that renderers print.
 * A text needed by several versions is listed once, with the first place that needs it.
 */
export function requiredTexts(documents: readonly LoadedDocument[]): RequiredText[] {
  const texts = new Map<string, RequiredText>();
  const add = (text: RequiredText) => {
    const id = `${text.namespace}:${text.key}`;
    if (!texts.has(id)) texts.set(id, text);
  };

  for (const { kind, document } of documents) {
    if (kind === 'Questionnaire') questionnaireTexts(document).forEach(add);
    if (kind === 'ScreeningRules') screeningTexts(document).forEach(add);
  }
  if (documents.some(({ kind }) => kind === 'ScreeningRules')) {
    for (const status of Object.keys(statusTexts)) {
      add({ namespace: 'screening', key: `status.${status}`, code: 'editor:locales.requiredTextMissing', params: {}, source: '' });
    }
  }
  return [...texts.values()];
}

function questionnaireTexts(document: SourceDocument): RequiredText[] {
  const written = document.data as WrittenQuestionnaire;
  const at = (path: PathSegment[]) => sourceOf(document, path);
  const texts: RequiredText[] = [];

  for (const key of ['title', 'declined']) {
    texts.push({ namespace: 'questionnaire', key, code: 'editor:locales.requiredTextMissing', params: {}, source: at(['id']) });
  }
  written.items.forEach((item, index) => {
    const source = at(['items', index, 'id']);
    texts.push({ namespace: 'questionnaire', key: `items.${item.id}.question`, code: 'editor:locales.itemWithoutText', params: { item: item.id }, source });
    item.options.forEach((option, optionIndex) => {
      texts.push({
        namespace: 'questionnaire',
        key: `items.${item.id}.options.${option}`,
        code: 'editor:locales.optionWithoutText',
        params: { item: item.id, option },
        source: at(['items', index, 'options', optionIndex]),
      });
    });
  });
  (written.identification ?? []).forEach((field, index) => {
    texts.push({ namespace: 'questionnaire', key: `identification.${field.id}`, code: 'editor:locales.identificationWithoutText', params: { field: field.id }, source: at(['identification', index, 'id']) });
  });
  written.categories.forEach((category, index) => {
    texts.push({ namespace: 'questionnaire', key: `categories.${category}`, code: 'editor:locales.categoryWithoutText', params: { category }, source: at(['categories', index]) });
  });
  return texts;
}

function screeningTexts(document: SourceDocument): RequiredText[] {
  const rules = document.data as WrittenScreeningRules;
  const at = (path: PathSegment[]) => sourceOf(document, path);
  const texts: RequiredText[] = [];

  rules.indicators.forEach((indicator, index) => {
    for (const part of ['name', 'positive']) {
      texts.push({ namespace: 'screening', key: `indicators.${indicator.id}.${part}`, code: 'editor:locales.indicatorWithoutText', params: { indicator: indicator.id }, source: at(['indicators', index, 'id']) });
    }
  });
  rules.carePaths.forEach((carePath, index) => {
    for (const part of ['name', 'description']) {
      texts.push({ namespace: 'screening', key: `carePaths.${carePath.id}.${part}`, code: 'editor:locales.carePathWithoutText', params: { carePath: carePath.id }, source: at(['carePaths', index, 'id']) });
    }
    (carePath.followUps ?? []).forEach((followUp, followUpIndex) => {
      const source = at(['carePaths', index, 'followUps', followUpIndex, 'id']);
      texts.push({ namespace: 'questionnaire', key: `followUps.${followUp.id}.question`, code: 'editor:locales.followUpWithoutText', params: { followUp: followUp.id }, source });
      // Follow-up questions are always answered yes or no, whichever answer triggers the action.
      for (const option of ['yes', 'no']) {
        texts.push({ namespace: 'questionnaire', key: `followUps.${followUp.id}.options.${option}`, code: 'editor:locales.followUpOptionWithoutText', params: { followUp: followUp.id, option }, source });
      }
    });
  });
  rules.actions.forEach((action, index) => {
    texts.push({ namespace: 'screening', key: `actions.${action}`, code: 'editor:locales.actionWithoutText', params: { action }, source: at(['actions', index]) });
  });
  rules.priorities.forEach((priority, index) => {
    texts.push({ namespace: 'screening', key: `priority.${priority}`, code: 'editor:locales.priorityWithoutText', params: { priority }, source: at(['priorities', index]) });
  });
  return texts;
}

function sourceOf(document: SourceDocument, path: PathSegment[]): string {
  const position = document.locate(path);
  return position ? `${document.file}:${position.line}` : document.file;
}

/**
 * Reports each required text that a language does not have. A language without the whole
 * namespace file is left to the namespace check, and an empty text to the value check.
 */
export function checkContentTexts(context: LocaleCheckContext, required: readonly RequiredText[]): Finding[] {
  const findings: Finding[] = [];

  for (const locale of context.locales) {
    const files = context.texts.get(locale);
    if (!files) continue;

    for (const text of required) {
      const file = files.get(text.namespace);
      if (!file || file.entries.has(text.key)) continue;
      const id = reportedId(locale, text.namespace, text.key);
      if (context.reported.has(id)) continue;

      context.reported.add(id);
      findings.push(
        errorFinding(
          text.code,
          { ...text.params, language: locale, textKey: `${text.namespace}:${text.key}`, source: text.source },
          missingLocation(context, locale, text.namespace, text.key),
        ),
      );
    }
  }
  return findings;
}
