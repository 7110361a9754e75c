import type { Condition, ScreeningRuleSet } from '../ruleset/index.js';

/**
 * Derives the data category of indicators and care paths from what their rules read,
 * transitively: an indicator takes the most sensitive category of its items; a care path the
 * most sensitive of the indicators its trigger reads (every indicator for a count), the items
 * its escalations read and, through its trigger, its follow-up questions. A category declared
 * in the rule file (`label`) can only raise the result; the `category-labels` check rejects a
 * label below the derived category.
 */
export function deriveCategories(ruleSet: ScreeningRuleSet): { indicators: Map<string, string>; carePaths: Map<string, string> } {
  const order = ruleSet.questionnaire.categories;
  const mostSensitive = (categories: Iterable<string>): string => {
    let highest = -1;
    for (const category of categories) highest = Math.max(highest, order.indexOf(category));
    // An indicator or care path that reads nothing is as sensitive as the least sensitive data.
    return order[Math.max(highest, 0)]!;
  };

  const itemCategory = new Map(ruleSet.questionnaire.items.map((item) => [item.id, item.category]));
  const indicators = new Map<string, string>();
  for (const indicator of ruleSet.indicators) {
    const read = indicator.items.map((scoring) => itemCategory.get(scoring.item)!);
    indicators.set(indicator.id, mostSensitive(indicator.label ? [...read, indicator.label] : read));
  }

  const categoriesRead = (condition: Condition): string[] => {
    switch (condition.kind) {
      case 'answer':
        return [itemCategory.get(condition.item)!];
      case 'positive':
        return [indicators.get(condition.indicator)!];
      case 'positiveCount':
        return [...indicators.values()];
      case 'all':
      case 'any':
        return condition.conditions.flatMap(categoriesRead);
    }
  };

  const carePaths = new Map<string, string>();
  for (const carePath of ruleSet.carePaths) {
    const read = [...categoriesRead(carePath.trigger), ...carePath.escalations.flatMap((escalation) => categoriesRead(escalation.when))];
    carePaths.set(carePath.id, mostSensitive(carePath.label ? [...read, carePath.label] : read));
  }
  return { indicators, carePaths };
}

/** The indicators a trigger reads that are positive and took part in making it true. */
export function triggeringIndicators(condition: Condition, positive: ReadonlySet<string>): string[] {
  switch (condition.kind) {
    case 'answer':
      return [];
    case 'positive':
      return positive.has(condition.indicator) ? [condition.indicator] : [];
    case 'positiveCount':
      return [...positive];
    case 'all':
      return condition.conditions.flatMap((inner) => triggeringIndicators(inner, positive));
    case 'any':
      return condition.conditions.filter((inner) => holds(inner, positive)).flatMap((inner) => triggeringIndicators(inner, positive));
  }
}

function holds(condition: Condition, positive: ReadonlySet<string>): boolean {
  switch (condition.kind) {
    case 'answer':
      return false;
    case 'positive':
      return positive.has(condition.indicator);
    case 'positiveCount':
      return positive.size >= condition.atLeast;
    case 'all':
      return condition.conditions.every((inner) => holds(inner, positive));
    case 'any':
      return condition.conditions.some((inner) => holds(inner, positive));
  }
}
