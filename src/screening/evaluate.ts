import { InternalError } from '../findings/index.js';
import { compileScreening, factName, runRules, type CompiledScreening, type ScreeningEvent } from '../engine/index.js';
import { fromHundredths, type Hundredths, type ScreeningRuleSet } from '../ruleset/index.js';
import { declinedAnswer, type AnswerSet } from './answer-set.js';
import { deriveCategories, triggeringIndicators } from './categories.js';
import type { CarePathAction, CarePathResult, IgnoredAnswer, IgnoredFollowUp, IndicatorResult, IndicatorStatus, MissingAnswer, ScreeningResult } from './result.js';

const compiledCache = new WeakMap<ScreeningRuleSet, CompiledScreening>();

function compiled(ruleSet: ScreeningRuleSet): CompiledScreening {
  let rules = compiledCache.get(ruleSet);
  if (!rules) {
    rules = compileScreening(ruleSet);
    compiledCache.set(ruleSet, rules);
  }
  return rules;
}

/** Per-indicator totals in hundredths, the input of the status pass. */
interface IndicatorTotals {
  score: Hundredths;
  reachable: Hundredths;
  applicable: boolean;
  contributions: IndicatorResult['contributions'];
  missing: MissingAnswer[];
}

/**
 * Screens one answer set with a rule set through json-rules-engine: points per answer, then
 * each indicator's status, then the care paths with their escalations and follow-up actions.
 * The answer set must have been checked against the rule set's questionnaire (checkAnswers).
 * The result is deterministic: no clock, no random ids.
 */
export async function evaluateScreening(ruleSet: ScreeningRuleSet, answerSet: AnswerSet): Promise<ScreeningResult> {
  const rules = compiled(ruleSet);
  const answerFacts: Record<string, unknown> = {};
  for (const item of ruleSet.questionnaire.items) answerFacts[factName.answer(item.id)] = answerSet.answers[item.id];

  // Pass 1: points and disabled items.
  const scoringEvents = await runRules(rules.scoring, answerFacts);
  const disabled = new Set(eventsOf(scoringEvents, 'disabled').map((event) => event.params.item));
  const totals = sumPoints(ruleSet, answerSet, scoringEvents, disabled);

  // Pass 2: indicator statuses from exact integer totals.
  const statusFacts: Record<string, unknown> = {};
  for (const [indicator, total] of totals) {
    statusFacts[factName.score(indicator)] = total.score;
    statusFacts[factName.reachable(indicator)] = total.reachable;
    statusFacts[factName.applicable(indicator)] = total.applicable;
  }
  const statuses = new Map<string, IndicatorStatus>();
  for (const event of eventsOf(await runRules(rules.status, statusFacts), 'status')) {
    if (statuses.has(event.params.indicator)) throw new InternalError(`two statuses for indicator ${event.params.indicator}`);
    statuses.set(event.params.indicator, event.params.status as IndicatorStatus);
  }

  // Pass 3: care paths.
  const positive = new Set([...statuses].filter(([, status]) => status === 'positive').map(([indicator]) => indicator));
  const carePathFacts: Record<string, unknown> = { ...answerFacts, [factName.positiveCount]: positive.size };
  for (const [indicator, status] of statuses) carePathFacts[factName.status(indicator)] = status;
  for (const carePath of ruleSet.carePaths) {
    for (const followUp of carePath.followUps) carePathFacts[factName.followUp(followUp.id)] = answerSet.followUps[followUp.id];
  }
  const carePathEvents = await runRules(rules.carePaths, carePathFacts);

  const categories = deriveCategories(ruleSet);
  return {
    questionnaire: { id: ruleSet.questionnaire.id, version: ruleSet.questionnaire.version },
    ruleSet: { id: ruleSet.id, version: ruleSet.version, sha256: ruleSet.sha256 },
    indicators: ruleSet.indicators.map((indicator) => {
      const total = totals.get(indicator.id)!;
      const status = statuses.get(indicator.id);
      if (!status) throw new InternalError(`no status for indicator ${indicator.id}`);
      return {
        id: indicator.id,
        status,
        score: fromHundredths(total.score),
        threshold: fromHundredths(indicator.threshold),
        category: categories.indicators.get(indicator.id)!,
        contributions: total.contributions,
        missing: total.missing,
        maxReachable: fromHundredths(total.reachable),
      };
    }),
    carePaths: buildCarePaths(ruleSet, answerSet, carePathEvents, positive, categories.carePaths),
    answers: { ...answerSet.answers },
    ignoredAnswers: ignoredAnswers(ruleSet, answerSet, disabled),
    ignoredFollowUps: ignoredFollowUps(ruleSet, answerSet, carePathEvents, categories.carePaths),
  };
}

function sumPoints(
  ruleSet: ScreeningRuleSet,
  answerSet: AnswerSet,
  events: readonly ScreeningEvent[],
  disabled: ReadonlySet<string>,
): Map<string, IndicatorTotals> {
  const pointsByItem = new Map<string, { option: string; points: Hundredths }>();
  for (const event of eventsOf(events, 'points')) {
    pointsByItem.set(`${event.params.indicator}\u0000${event.params.item}`, { option: event.params.option, points: event.params.points });
  }

  const totals = new Map<string, IndicatorTotals>();
  for (const indicator of ruleSet.indicators) {
    const total: IndicatorTotals = { score: 0, reachable: 0, applicable: false, contributions: [], missing: [] };
    for (const scoring of indicator.items) {
      if (disabled.has(scoring.item)) continue;
      total.applicable = true;

      const given = pointsByItem.get(`${indicator.id}\u0000${scoring.item}`);
      if (given) {
        total.score += given.points;
        total.contributions.push({ item: scoring.item, option: given.option, points: fromHundredths(given.points) });
      } else {
        const reason = answerSet.answers[scoring.item] === declinedAnswer ? 'declined' : 'unanswered';
        total.reachable += scoring.maxPoints;
        total.missing.push({ item: scoring.item, reason, maxPoints: fromHundredths(scoring.maxPoints) });
      }
    }
    total.reachable += total.score;
    totals.set(indicator.id, total);
  }
  return totals;
}

function buildCarePaths(
  ruleSet: ScreeningRuleSet,
  answerSet: AnswerSet,
  events: readonly ScreeningEvent[],
  positive: ReadonlySet<string>,
  categories: ReadonlyMap<string, string>,
): CarePathResult[] {
  const triggered = new Set(eventsOf(events, 'carePath').map((event) => event.params.carePath));
  const rank = (priority: string) => ruleSet.priorities.indexOf(priority);

  return ruleSet.carePaths
    .filter((carePath) => triggered.has(carePath.id))
    .map((carePath) => {
      let priority = carePath.priority;
      const raise = (candidate: string) => {
        if (rank(candidate) > rank(priority)) priority = candidate;
      };
      for (const event of eventsOf(events, 'escalation')) if (event.params.carePath === carePath.id) raise(event.params.priority);

      const actions: CarePathAction[] = carePath.actions.map((id) => ({ id }));
      for (const event of eventsOf(events, 'followUpAction')) {
        if (event.params.carePath !== carePath.id) continue;
        raise(event.params.priority);
        actions.push({ id: event.params.action, followUp: event.params.followUp, priority: event.params.priority });
      }

      return {
        id: carePath.id,
        priority,
        triggeredBy: [...new Set(triggeringIndicators(carePath.trigger, positive))],
        actions,
        followUps: carePath.followUps.map((followUp) => ({ id: followUp.id, answer: answerSet.followUps[followUp.id] ?? null })),
        category: categories.get(carePath.id)!,
      };
    });
}

function ignoredAnswers(ruleSet: ScreeningRuleSet, answerSet: AnswerSet, disabled: ReadonlySet<string>): IgnoredAnswer[] {
  return ruleSet.questionnaire.items
    .filter((item) => disabled.has(item.id) && answerSet.answers[item.id] !== undefined)
    .map((item) => ({ item: item.id, option: answerSet.answers[item.id]!, reason: 'disabled' as const }));
}

function ignoredFollowUps(
  ruleSet: ScreeningRuleSet,
  answerSet: AnswerSet,
  events: readonly ScreeningEvent[],
  categories: ReadonlyMap<string, string>,
): IgnoredFollowUp[] {
  const triggered = new Set(eventsOf(events, 'carePath').map((event) => event.params.carePath));
  return ruleSet.carePaths
    .filter((carePath) => !triggered.has(carePath.id))
    .flatMap((carePath) =>
      carePath.followUps
        .filter((followUp) => answerSet.followUps[followUp.id] !== undefined)
        .map((followUp) => ({ id: followUp.id, answer: answerSet.followUps[followUp.id]!, carePath: carePath.id, category: categories.get(carePath.id)! })),
    );
}

function eventsOf<T extends ScreeningEvent['type']>(events: readonly ScreeningEvent[], type: T): Extract<ScreeningEvent, { type: T }>[] {
  return events.filter((event): event is Extract<ScreeningEvent, { type: T }> => event.type === type);
}
