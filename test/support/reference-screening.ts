import type { Condition, ScreeningRuleSet } from '../../src/ruleset/index.js';
import type { AnswerSet } from '../../src/screening/index.js';

/**
 * A plain reference computation of a screening, written straight from the reference rules
 * and independent of json-rules-engine: the property tests compare the engine against it.
 */
export interface ReferenceOutcome {
  indicators: { id: string; status: string; score: number }[];
  carePaths: { id: string; priority: string; actions: string[] }[];
}

export function referenceScreening(ruleSet: ScreeningRuleSet, answerSet: AnswerSet): ReferenceOutcome {
  const answers = answerSet.answers;
  const items = new Map(ruleSet.questionnaire.items.map((item) => [item.id, item]));

  const isDisabled = (itemId: string): boolean => {
    const condition = items.get(itemId)?.enableWhen;
    if (!condition) return false;
    const controlling = answers[condition.item];
    const options = items.get(condition.item)?.options ?? [];
    return controlling !== undefined && options.includes(controlling) && !condition.options.includes(controlling);
  };

  const statuses = new Map<string, string>();
  const indicators = ruleSet.indicators.map((indicator) => {
    let score = 0;
    let open = 0;
    let enabled = 0;
    for (const scoring of indicator.items) {
      if (isDisabled(scoring.item)) continue;
      enabled++;
      const answer = answers[scoring.item];
      const points = answer === undefined ? undefined : scoring.points.get(answer);
      if (points === undefined) open += Math.max(...scoring.points.values());
      else score += points;
    }
    let status: string;
    if (enabled === 0) status = 'not_applicable';
    else if (score >= indicator.threshold) status = 'positive';
    else if (score + open < indicator.threshold) status = 'negative';
    else status = 'incomplete';
    statuses.set(indicator.id, status);
    return { id: indicator.id, status, score: score / 100 };
  });

  const positiveCount = [...statuses.values()].filter((status) => status === 'positive').length;
  const holds = (condition: Condition): boolean => {
    switch (condition.kind) {
      case 'answer': {
        const answer = answers[condition.item];
        return answer !== undefined && condition.options.includes(answer);
      }
      case 'positive':
        return statuses.get(condition.indicator) === 'positive';
      case 'positiveCount':
        return positiveCount >= condition.atLeast;
      case 'all':
        return condition.conditions.every(holds);
      case 'any':
        return condition.conditions.some(holds);
    }
  };

  const carePaths = ruleSet.carePaths
    .filter((carePath) => holds(carePath.trigger))
    .map((carePath) => {
      let rank = ruleSet.priorities.indexOf(carePath.priority);
      const actions = [...carePath.actions];
      for (const escalation of carePath.escalations) {
        if (holds(escalation.when)) rank = Math.max(rank, ruleSet.priorities.indexOf(escalation.priority));
      }
      for (const followUp of carePath.followUps) {
        if (answerSet.followUps[followUp.id] === followUp.on) {
          actions.push(followUp.action);
          rank = Math.max(rank, ruleSet.priorities.indexOf(followUp.priority));
        }
      }
      return { id: carePath.id, priority: ruleSet.priorities[rank]!, actions };
    });

  return { indicators, carePaths };
}
