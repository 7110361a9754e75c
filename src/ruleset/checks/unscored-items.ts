import { warningAt, type ScreeningCheck } from './context.js';

/**
 * Warns about a questionnaire item that no indicator reads: its answers are asked for but
 * never scored. Such an item may still be read by a care-path condition or an enable
 * condition, which is why this is a warning and not an error.
 */
export const unscoredItems: ScreeningCheck = {
  name: 'unscored-items',
  run({ rules, questionnaire, questionnaireDocument: document }) {
    const scored = new Set(rules.indicators.flatMap((indicator) => indicator.items.map((scoring) => scoring.item)));
    return questionnaire.items.flatMap((item, index) =>
      scored.has(item.id)
        ? []
        : [warningAt(document, ['items', index, 'id'], 'validate:checks.itemNotScored', { item: item.id, rules: `${rules.id}@${rules.version}` })],
    );
  },
};
