import type { Finding } from '../../findings/index.js';
import { errorAt, type ScreeningCheck } from './context.js';

/**
 * Rejects an item whose category is not declared, and an enable condition that reads an
 * unknown item or option, the item itself, a later item (items are asked in order, so the
 * controlling answer must already be known) or an item that has an enable condition itself.
 */
export const questionnaireStructure: ScreeningCheck = {
  name: 'questionnaire-structure',
  run({ questionnaire, questionnaireDocument: document }) {
    const findings: Finding[] = [];
    questionnaire.items.forEach((item, index) => {
      if (!questionnaire.categories.includes(item.category)) {
        findings.push(errorAt(document, ['items', index, 'category'], 'rules.unknownCategory', { category: item.category, allowed: questionnaire.categories }));
      }
      const condition = item.enableWhen;
      if (!condition) return;

      const path = ['items', index, 'enableWhen'];
      const controllingIndex = questionnaire.items.findIndex((candidate) => candidate.id === condition.answer);
      if (controllingIndex === index) {
        findings.push(errorAt(document, [...path, 'answer'], 'rules.enableSelf', { item: item.id }));
        return;
      }
      if (controllingIndex === -1) {
        findings.push(errorAt(document, [...path, 'answer'], 'rules.unknownItem', { item: condition.answer, questionnaire: `${questionnaire.id}@${questionnaire.version}` }));
        return;
      }
      if (controllingIndex > index) {
        findings.push(errorAt(document, [...path, 'answer'], 'rules.enableLater', { item: item.id, controlling: condition.answer }));
      }
      const controlling = questionnaire.items[controllingIndex]!;
      // Evaluation reads the controlling answer as given, so a controlling item must always be asked.
      if (controlling.enableWhen) {
        findings.push(errorAt(document, [...path, 'answer'], 'rules.enableChain', { item: item.id, controlling: controlling.id }));
      }
      const listKey = condition.in ? 'in' : 'notIn';
      (condition.in ?? condition.notIn ?? []).forEach((option, optionIndex) => {
        if (!controlling.options.includes(option)) {
          findings.push(errorAt(document, [...path, listKey, optionIndex], 'rules.unknownOption', { item: controlling.id, option, allowed: controlling.options }));
        }
      });
    });
    return findings;
  },
};
