import { Engine, type RuleProperties } from 'json-rules-engine';
import type { ScreeningEvent } from './compile.js';

/** Operators that are true for a missing fact; compiled rules never use them, and the engine refuses them. */
const negativeOperators = ['notEqual', 'notIn', 'doesNotContain'];

/**
 * Runs one pass of compiled rules over `facts` on a new Engine and returns the events of the
 * rules that fired. A new Engine per run keeps concurrent evaluations apart: answers are
 * run-time facts, and a shared Engine mixed them up under concurrency (json-rules-engine 7.3).
 */
export async function runRules(rules: readonly RuleProperties[], facts: Record<string, unknown>): Promise<ScreeningEvent[]> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const operator of negativeOperators) engine.removeOperator(operator);
  for (const rule of rules) engine.addRule(rule);
  const { events } = await engine.run(facts);
  return events as ScreeningEvent[];
}
