import type { Finding } from '../../findings/index.js';
import type { WrittenCondition } from '../written.js';
import { errorAt, type ScreeningCheck } from './context.js';

/**
 * Rejects a declared `category` on an indicator or care path that is less sensitive than the
 * data its rule reads, transitively (a care path reading a health indicator is health data),
 * and a declared category that is not one of the questionnaire's categories.
 */
export const categoryLabels: ScreeningCheck = {
  name: 'category-labels',
  run({ rules, rulesDocument: document, questionnaire }) {
    const findings: Finding[] = [];
    const order = questionnaire.categories;
    const rank = (category: string | undefined) => (category === undefined ? -1 : order.indexOf(category));
    const itemCategory = new Map(questionnaire.items.map((item) => [item.id, item.category]));

    const indicatorCategory = new Map<string, string>();
    rules.indicators.forEach((indicator, index) => {
      const derived = indicator.items.map((scoring) => itemCategory.get(scoring.item)).reduce<string | undefined>((highest, category) => (rank(category) > rank(highest) ? category : highest), undefined);
      if (derived) indicatorCategory.set(indicator.id, derived);
      if (indicator.category === undefined) return;
      if (rank(indicator.category) === -1) {
        findings.push(errorAt(document, ['indicators', index, 'category'], 'rules.unknownCategory', { category: indicator.category, allowed: order }));
      } else if (derived && rank(indicator.category) < rank(derived)) {
        findings.push(errorAt(document, ['indicators', index, 'category'], 'rules.labelBelowDerived', { id: indicator.id, label: indicator.category, derived }));
      }
      if (rank(indicator.category) > rank(derived)) indicatorCategory.set(indicator.id, indicator.category);
    });

    const read = (condition: WrittenCondition): (string | undefined)[] => {
      if ('all' in condition) return condition.all.flatMap(read);
      if ('any' in condition) return condition.any.flatMap(read);
      if ('positive' in condition) return [indicatorCategory.get(condition.positive)];
      if ('positiveCount' in condition) return [...indicatorCategory.values()];
      return [itemCategory.get(condition.answer)];
    };

    rules.carePaths.forEach((carePath, index) => {
      if (carePath.category === undefined) return;
      const categories = [...read(carePath.trigger), ...(carePath.escalations ?? []).flatMap((escalation) => read(escalation.when))];
      const derived = categories.reduce<string | undefined>((highest, category) => (rank(category) > rank(highest) ? category : highest), undefined);
      if (rank(carePath.category) === -1) {
        findings.push(errorAt(document, ['carePaths', index, 'category'], 'rules.unknownCategory', { category: carePath.category, allowed: order }));
      } else if (derived && rank(carePath.category) < rank(derived)) {
        findings.push(errorAt(document, ['carePaths', index, 'category'], 'rules.labelBelowDerived', { id: carePath.id, label: carePath.category, derived }));
      }
    });
    return findings;
  },
};
