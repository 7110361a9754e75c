import type { RuleProperties, TopLevelCondition, NestedCondition } from 'json-rules-engine';
import type { Condition, ScreeningRuleSet } from '../ruleset/index.js';
import { factName } from './facts.js';

/**
 * The json-rules-engine rules of one screening rule set, in three passes: answers to points,
 * points to indicator statuses, statuses to care paths. Each pass only reads facts the
 * previous one produced. No rule uses a negative operator, so a missing answer (an undefined
 * fact) can never make a condition true.
 */
export interface CompiledScreening {
  scoring: RuleProperties[];
  status: RuleProperties[];
  carePaths: RuleProperties[];
}

/** Event types the compiled rules emit. */
export type ScreeningEvent =
  | { type: 'points'; params: { indicator: string; item: string; option: string; points: number } }
  | { type: 'disabled'; params: { item: string; controlling: string } }
  | { type: 'status'; params: { indicator: string; status: string } }
  | { type: 'carePath'; params: { carePath: string } }
  | { type: 'escalation'; params: { carePath: string; priority: string } }
  | { type: 'followUpAction'; params: { carePath: string; followUp: string; action: string; priority: string } };

export function compileScreening(ruleSet: ScreeningRuleSet): CompiledScreening {
  return {
    scoring: compileScoring(ruleSet),
    status: compileStatus(ruleSet),
    carePaths: compileCarePaths(ruleSet),
  };
}

function compileScoring(ruleSet: ScreeningRuleSet): RuleProperties[] {
  const rules: RuleProperties[] = [];
  for (const indicator of ruleSet.indicators) {
    for (const scoring of indicator.items) {
      for (const [option, points] of scoring.points) {
        rules.push({
          name: `points ${indicator.id} ${scoring.item}=${option}`,
          conditions: { all: [{ fact: factName.answer(scoring.item), operator: 'equal', value: option }] },
          event: { type: 'points', params: { indicator: indicator.id, item: scoring.item, option, points } },
        });
      }
    }
  }

  // An item is disabled only when its controlling item is answered with an option outside the
  // enabling set: a declined or missing controlling answer leaves the item enabled.
  for (const item of ruleSet.questionnaire.items) {
    const condition = item.enableWhen;
    if (!condition) continue;
    const controllingOptions = ruleSet.questionnaire.items.find((candidate) => candidate.id === condition.item)?.options ?? [];
    const disabling = controllingOptions.filter((option) => !condition.options.includes(option));
    if (disabling.length === 0) continue;
    rules.push({
      name: `disabled ${item.id}`,
      conditions: { all: [{ fact: factName.answer(condition.item), operator: 'in', value: disabling }] },
      event: { type: 'disabled', params: { item: item.id, controlling: condition.item } },
    });
  }
  return rules;
}

function compileStatus(ruleSet: ScreeningRuleSet): RuleProperties[] {
  return ruleSet.indicators.flatMap((indicator): RuleProperties[] => {
    const applicable = { fact: factName.applicable(indicator.id), operator: 'equal', value: true };
    const score = factName.score(indicator.id);
    const reachable = factName.reachable(indicator.id);
    const event = (status: string) => ({ type: 'status', params: { indicator: indicator.id, status } });
    return [
      {
        name: `${indicator.id} positive`,
        conditions: { all: [applicable, { fact: score, operator: 'greaterThanInclusive', value: indicator.threshold }] },
        event: event('positive'),
      },
      {
        name: `${indicator.id} negative`,
        conditions: { all: [applicable, { fact: reachable, operator: 'lessThan', value: indicator.threshold }] },
        event: event('negative'),
      },
      {
        name: `${indicator.id} incomplete`,
        conditions: {
          all: [
            applicable,
            { fact: score, operator: 'lessThan', value: indicator.threshold },
            { fact: reachable, operator: 'greaterThanInclusive', value: indicator.threshold },
          ],
        },
        event: event('incomplete'),
      },
      {
        name: `${indicator.id} not applicable`,
        conditions: { all: [{ fact: factName.applicable(indicator.id), operator: 'equal', value: false }] },
        event: event('not_applicable'),
      },
    ];
  });
}

function compileCarePaths(ruleSet: ScreeningRuleSet): RuleProperties[] {
  const rules: RuleProperties[] = [];
  for (const carePath of ruleSet.carePaths) {
    const trigger = compileCondition(carePath.trigger);
    rules.push({
      name: `care path ${carePath.id}`,
      conditions: { all: [trigger] },
      event: { type: 'carePath', params: { carePath: carePath.id } },
    });
    carePath.escalations.forEach((escalation, index) => {
      rules.push({
        name: `care path ${carePath.id} escalation ${index}`,
        conditions: { all: [trigger, compileCondition(escalation.when)] },
        event: { type: 'escalation', params: { carePath: carePath.id, priority: escalation.priority } },
      });
    });
    for (const followUp of carePath.followUps) {
      rules.push({
        name: `care path ${carePath.id} follow-up ${followUp.id}`,
        conditions: { all: [trigger, { fact: factName.followUp(followUp.id), operator: 'equal', value: followUp.on }] },
        event: {
          type: 'followUpAction',
          params: { carePath: carePath.id, followUp: followUp.id, action: followUp.action, priority: followUp.priority },
        },
      });
    }
  }
  return rules;
}

function compileCondition(condition: Condition): NestedCondition {
  switch (condition.kind) {
    case 'answer':
      return { fact: factName.answer(condition.item), operator: 'in', value: [...condition.options] };
    case 'positive':
      return { fact: factName.status(condition.indicator), operator: 'equal', value: 'positive' };
    case 'positiveCount':
      return { fact: factName.positiveCount, operator: 'greaterThanInclusive', value: condition.atLeast };
    case 'all':
      return { all: condition.conditions.map(compileCondition) } satisfies TopLevelCondition;
    case 'any':
      return { any: condition.conditions.map(compileCondition) } satisfies TopLevelCondition;
  }
}
