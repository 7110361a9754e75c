import type { Finding } from '../../findings/index.js';
import { toHundredths } from '../decimal.js';
import type { Hundredths } from '../types.js';
import type { WrittenCondition } from '../written.js';
import { errorAt, type ScreeningCheck } from './context.js';
import { reachableScores, scoreModelOfWritten, type ScoreModel } from './score-space.js';

/**
 * One way for a trigger to be true: every answer restricted to the listed options, these
 * indicators positive, and at least `atLeast` indicators positive in all.
 */
interface Clause {
  restriction: Map<string, Set<string>>;
  positives: Set<string>;
  atLeast: number;
}

/** Beyond this many clauses a trigger is taken as satisfiable instead of analysed. */
const maxClauses = 256;

/**
 * Rejects a care path whose trigger no answer set can make true: it needs an indicator whose
 * threshold cannot be reached, more positive indicators than can be positive, or answers
 * that exclude each other (or an answer condition that lists no option).
 *
 * The analysis may miss a trigger that can never be true, never the other way round: it
 * treats the indicators of one clause as independent of each other except through the
 * answers the clause itself names.
 */
export const carePathReach: ScreeningCheck = {
  name: 'care-path-reach',
  run({ rules, rulesDocument: document, questionnaire }) {
    const model = scoreModelOfWritten(rules, questionnaire);
    const thresholds = new Map<string, Hundredths | undefined>(rules.indicators.map((indicator) => [indicator.id, toHundredths(indicator.threshold.value)]));
    const findings: Finding[] = [];

    rules.carePaths.forEach((carePath, index) => {
      const ways = clausesOf(carePath.trigger, model);
      if (ways === undefined) return;
      if (ways.some((clause) => satisfiable(clause, model, thresholds))) return;
      findings.push(errorAt(document, ['carePaths', index, 'trigger'], 'validate:checks.carePathNeverTriggers', { carePath: carePath.id }));
    });
    return findings;
  },
};

/** Expands a condition into clauses (a disjunction of conjunctions); undefined when too large. */
function clausesOf(condition: WrittenCondition, model: ScoreModel): Clause[] | undefined {
  if ('any' in condition) {
    const all: Clause[] = [];
    for (const inner of condition.any) {
      const ways = clausesOf(inner, model);
      if (ways === undefined) return undefined;
      all.push(...ways);
      if (all.length > maxClauses) return undefined;
    }
    return all;
  }

  if ('all' in condition) {
    let combined: Clause[] = [emptyClause()];
    for (const inner of condition.all) {
      const ways = clausesOf(inner, model);
      if (ways === undefined) return undefined;
      combined = combined.flatMap((left) => ways.map((right) => merge(left, right)));
      if (combined.length > maxClauses) return undefined;
    }
    return combined;
  }

  const clause = emptyClause();
  if ('positive' in condition) {
    clause.positives.add(condition.positive);
  } else if ('positiveCount' in condition) {
    clause.atLeast = condition.positiveCount.atLeast;
  } else {
    const options = model.options.get(condition.answer);
    const listed = condition.in ?? condition.notIn ?? [];
    // An unknown item or option is reported by the references check; analyse no further.
    if (!options || listed.some((option) => !options.includes(option))) return [clause];
    const allowed = condition.in ?? options.filter((option) => !listed.includes(option));
    clause.restriction.set(condition.answer, new Set(allowed));
  }
  return [clause];
}

function emptyClause(): Clause {
  return { restriction: new Map(), positives: new Set(), atLeast: 0 };
}

function merge(left: Clause, right: Clause): Clause {
  const restriction = new Map(left.restriction);
  for (const [item, options] of right.restriction) {
    const earlier = restriction.get(item);
    restriction.set(item, earlier ? new Set([...earlier].filter((option) => options.has(option))) : options);
  }
  return {
    restriction,
    positives: new Set([...left.positives, ...right.positives]),
    atLeast: Math.max(left.atLeast, right.atLeast),
  };
}

function satisfiable(clause: Clause, model: ScoreModel, thresholds: ReadonlyMap<string, Hundredths | undefined>): boolean {
  for (const options of clause.restriction.values()) if (options.size === 0) return false;

  const canBePositive = (indicator: string): boolean => {
    const threshold = thresholds.get(indicator);
    const scores = reachableScores(model, indicator, clause.restriction);
    // Unknown indicators and undecidable ones count as possible.
    if (threshold === undefined || scores === undefined) return true;
    return scores.some((score) => score >= threshold);
  };

  for (const indicator of clause.positives) if (!canBePositive(indicator)) return false;
  if (clause.atLeast > 0) {
    const possible = [...thresholds.keys()].filter(canBePositive).length;
    if (possible < clause.atLeast) return false;
  }
  return true;
}
