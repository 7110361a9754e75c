import { Engine, type NestedCondition, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import { compareCivilDates, lastDayOfPeriod, parseCivilDate, parsePeriod, type CivilDate } from '../periods/index.js';
import type { AccessFacts } from './facts.js';
import type { AccessCondition, AccessRule, AccessRuleSet } from './rule-set.js';

// Operators and decorators that are true when a fact is missing (`notEqual` of undefined is true).
// The rules never use them, and the engine has them removed so a hand-made rule cannot either.
const negativeOperators = ['notEqual', 'notIn', 'doesNotContain'];
const negativeDecorators = ['not'];

/** Event params of a rule that fired. */
interface AccessRuleEvent {
  type: 'access-rule';
  params: { rule: string };
}

/** Converts one access rule into a json-rules-engine rule. */
export function compileAccessRule(rule: AccessRule): RuleProperties {
  const compiled = compileCondition(rule.when);
  const conditions: TopLevelCondition = 'all' in compiled || 'any' in compiled ? (compiled as TopLevelCondition) : { all: [compiled] };
  const event: AccessRuleEvent = { type: 'access-rule', params: { rule: rule.id } };
  return { name: rule.id, conditions, event };
}

function compileCondition(condition: AccessCondition): NestedCondition {
  if ('all' in condition) return { all: condition.all.map(compileCondition) };
  if ('any' in condition) return { any: condition.any.map(compileCondition) };
  switch (condition.operator) {
    case 'equal':
    case 'in':
      return { fact: condition.fact, operator: condition.operator, value: condition.value };
    case 'periodRunning':
    case 'periodOver':
      return { fact: condition.fact, operator: condition.operator, value: condition.period };
    case 'afterToday':
      return { fact: condition.fact, operator: condition.operator, value: true };
  }
}

/**
 * Runs the rules on a new Engine (one per evaluation, because a shared Engine mixes up the
 * run-time facts of concurrent runs) and returns the rules that fired, in file order.
 */
export async function runAccessRules(ruleSet: AccessRuleSet, facts: AccessFacts, today: CivilDate): Promise<AccessRule[]> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const operator of negativeOperators) engine.removeOperator(operator);
  for (const decorator of negativeDecorators) engine.removeOperatorDecorator(decorator);
  addDateOperators(engine, today);

  for (const rule of ruleSet.rules) engine.addRule(compileAccessRule(rule));
  const { events } = await engine.run({ ...facts });

  const fired = new Set(events.map((event) => (event as AccessRuleEvent).params.rule));
  return ruleSet.rules.filter((rule) => fired.has(rule.id));
}

/**
 * Adds the date operators for `today`. Each is false when the fact is absent or not a date, so
 * together they never let a missing date satisfy a condition. For a date on or before today,
 * exactly one of `periodRunning` and `periodOver` holds; for a later date only `afterToday`.
 */
function addDateOperators(engine: Engine, today: CivilDate): void {
  const lastDayFor = (factValue: unknown, periodText: unknown): { event: CivilDate; lastDay: CivilDate } | undefined => {
    const event = typeof factValue === 'string' ? parseCivilDate(factValue) : undefined;
    const period = typeof periodText === 'string' ? parsePeriod(periodText) : undefined;
    if (!event || !period || compareCivilDates(event, today) > 0) return undefined;
    return { event, lastDay: lastDayOfPeriod(event, period) };
  };

  engine.addOperator('periodRunning', (factValue: unknown, periodText: unknown) => {
    const span = lastDayFor(factValue, periodText);
    return span !== undefined && compareCivilDates(today, span.lastDay) <= 0;
  });
  engine.addOperator('periodOver', (factValue: unknown, periodText: unknown) => {
    const span = lastDayFor(factValue, periodText);
    return span !== undefined && compareCivilDates(today, span.lastDay) > 0;
  });
  engine.addOperator('afterToday', (factValue: unknown) => {
    const date = typeof factValue === 'string' ? parseCivilDate(factValue) : undefined;
    return date !== undefined && compareCivilDates(date, today) > 0;
  });
}
