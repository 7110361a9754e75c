import type { ScreeningRuleSet } from '../ruleset/index.js';
import { evaluateScreening, type AnswerSet, type IndicatorStatus } from '../screening/index.js';

/** The part of a screening result that a diff compares: statuses, scores and care paths. */
export interface Outcome {
  indicators: ReadonlyMap<string, { status: IndicatorStatus; score: number }>;
  /** The triggered care paths, each with its priority and its action ids sorted. */
  carePaths: ReadonlyMap<string, { priority: string; actions: readonly string[] }>;
}

/** Maximum number of outcomes kept for answer sets seen before; the least recently used go first. */
const cacheLimit = 4096;

/**
 * Evaluates answer sets and keeps the outcomes of recent ones, keyed by rule-set hash and
 * answers, because real data repeat answer sets (many women answer every item alike).
 * The cache is bounded, so memory does not grow with the input.
 */
export class OutcomeEvaluator {
  private readonly cache = new Map<string, Outcome>();
  evaluations = 0;

  async outcome(ruleSet: ScreeningRuleSet, answerSet: AnswerSet): Promise<Outcome> {
    const key = `${ruleSet.sha256}\u0000${JSON.stringify(sortedEntries(answerSet.answers))}\u0000${JSON.stringify(sortedEntries(answerSet.followUps))}`;
    const cached = this.cache.get(key);
    if (cached) {
      // Re-inserting marks the entry as the most recently used one.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }

    const result = await evaluateScreening(ruleSet, answerSet);
    this.evaluations += 1;
    const outcome: Outcome = {
      indicators: new Map(result.indicators.map((indicator) => [indicator.id, { status: indicator.status, score: indicator.score }])),
      carePaths: new Map(result.carePaths.map((carePath) => [carePath.id, { priority: carePath.priority, actions: carePath.actions.map((action) => action.id).sort() }])),
    };
    this.cache.set(key, outcome);
    if (this.cache.size > cacheLimit) this.cache.delete(this.cache.keys().next().value!);
    return outcome;
  }
}

function sortedEntries(record: Record<string, string>): [string, string][] {
  return Object.entries(record).sort(([a], [b]) => a.localeCompare(b, 'en'));
}

/** An indicator's status in one outcome, or `absent` when that rule set has no such indicator. */
export type StatusOrAbsent = IndicatorStatus | 'absent';

export interface IndicatorChange {
  id: string;
  base: { status: StatusOrAbsent; score: number | null };
  head: { status: StatusOrAbsent; score: number | null };
}

export interface CarePathChange {
  id: string;
  /** The care path as triggered under base, or null when it was not triggered. */
  base: { priority: string; actions: string[] } | null;
  head: { priority: string; actions: string[] } | null;
}

/**
 * Whether the status of an indicator that only one rule set has asks something of the
 * professional: a positive one triggers care, an incomplete one needs the open questions.
 * A new negative or not applicable indicator changes nothing she is told.
 */
function asksForAction(indicator: { status: IndicatorStatus }): boolean {
  return indicator.status === 'positive' || indicator.status === 'incomplete';
}

/** What differs between the outcomes of one answer set under base and head. */
export interface OutcomeDifference {
  /** Indicators whose status or score differs. */
  indicators: IndicatorChange[];
  /** Care paths triggered on one side only, or with another priority or other actions. */
  carePaths: CarePathChange[];
  /**
   * Whether a status or a care path differs. A score alone is not a different outcome, and
   * neither is an indicator of one side only that is negative or not applicable there.
   */
  changed: boolean;
}

export function compareOutcomes(base: Outcome, head: Outcome): OutcomeDifference {
  const indicators: IndicatorChange[] = [];
  let changed = false;
  for (const id of new Set([...base.indicators.keys(), ...head.indicators.keys()])) {
    const before = base.indicators.get(id);
    const after = head.indicators.get(id);
    const statusChanged = (before?.status ?? 'absent') !== (after?.status ?? 'absent');
    if (!statusChanged && before?.score === after?.score) continue;
    changed ||= statusChanged && (before !== undefined && after !== undefined ? true : asksForAction(before ?? after!));
    indicators.push({
      id,
      base: { status: before?.status ?? 'absent', score: before?.score ?? null },
      head: { status: after?.status ?? 'absent', score: after?.score ?? null },
    });
  }

  const carePaths: CarePathChange[] = [];
  for (const id of new Set([...base.carePaths.keys(), ...head.carePaths.keys()])) {
    const before = base.carePaths.get(id);
    const after = head.carePaths.get(id);
    if (before && after && before.priority === after.priority && before.actions.join('\u0000') === after.actions.join('\u0000')) continue;
    changed = true;
    carePaths.push({
      id,
      base: before ? { priority: before.priority, actions: [...before.actions] } : null,
      head: after ? { priority: after.priority, actions: [...after.actions] } : null,
    });
  }
  return { indicators, carePaths, changed };
}
