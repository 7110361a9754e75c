import { toHundredths } from '../decimal.js';
import type { Hundredths } from '../types.js';
import type { WrittenQuestionnaire, WrittenScreeningRules } from '../written.js';

/**
 * The facts the score analysis needs about a questionnaire and its indicators, in a shape that
 * both the written rules (for the semantic checks) and the normalised rule set (for test
 * coverage) can be turned into. Points are hundredths, so sums are exact.
 */
export interface ScoreModel {
  /** The options of every questionnaire item. */
  options: ReadonlyMap<string, readonly string[]>;
  /** For an item with an enable condition: the controlling item and the options that enable it. */
  enableWhen: ReadonlyMap<string, { item: string; options: ReadonlySet<string> }>;
  /** The scored items of every indicator, with the points of each option. */
  indicators: ReadonlyMap<string, readonly { item: string; points: ReadonlyMap<string, Hundredths> }[]>;
}

/** Answer sets restricted to these options per item (a constraint such as `housing_type in [shelter]`). */
export type OptionRestriction = ReadonlyMap<string, ReadonlySet<string>>;

/** Maximum number of combinations of controlling answers that the analysis enumerates. */
const maxControllingCombinations = 100_000;

/**
 * Lists every score (in hundredths, ascending) that the indicator can have in an answer set
 * in which it is applicable: any item may be answered with any option, declined or left out,
 * and an item is left out of the score when its enable condition switches it off. A
 * restriction limits the listed items to the given options (they count as answered).
 * Returns undefined when the indicator or one of its items is unknown, or when the enable
 * conditions give too many combinations to enumerate.
 */
export function reachableScores(model: ScoreModel, indicator: string, restriction: OptionRestriction = new Map()): Hundredths[] | undefined {
  const scored = model.indicators.get(indicator);
  if (!scored || scored.some((entry) => !model.options.has(entry.item))) return undefined;

  // The answers that decide whether a scored item is asked: enumerated jointly.
  const controlling = [...new Set(scored.flatMap((entry) => model.enableWhen.get(entry.item)?.item ?? []))];
  const choices = controlling.map((item) => answerChoices(model, item, restriction));
  if (choices.some((choice) => choice === undefined)) return undefined;
  const combinations = choices.reduce((product, choice) => product * choice!.length, 1);
  if (combinations > maxControllingCombinations) return undefined;

  const scores = new Set<Hundredths>();
  for (const fixed of enumerate(controlling, choices as (string | undefined)[][])) {
    let sums = new Set<Hundredths>([0]);
    let applicable = false;

    for (const entry of scored) {
      const condition = model.enableWhen.get(entry.item);
      if (condition) {
        const answer = fixed.get(condition.item);
        // A declined or missing controlling answer leaves the item enabled.
        const controllingOptions = model.options.get(condition.item) ?? [];
        if (answer !== undefined && controllingOptions.includes(answer) && !condition.options.has(answer)) continue;
      }
      applicable = true;

      const own = fixed.has(entry.item) ? [fixed.get(entry.item)] : answerChoices(model, entry.item, restriction)!;
      const values = new Set(own.map((answer) => (answer === undefined ? 0 : (entry.points.get(answer) ?? 0))));
      sums = sumSet(sums, values);
    }
    if (applicable) for (const sum of sums) scores.add(sum);
  }
  return [...scores].sort((a, b) => a - b);
}

/** Lists the answers an item can have: each option, or undefined for a missing or declined answer. */
function answerChoices(model: ScoreModel, item: string, restriction: OptionRestriction): (string | undefined)[] | undefined {
  const options = model.options.get(item);
  if (!options) return undefined;
  const allowed = restriction.get(item);
  if (allowed) return options.filter((option) => allowed.has(option));
  return [...options, undefined];
}

function* enumerate(items: readonly string[], choices: readonly (string | undefined)[][]): Generator<Map<string, string | undefined>> {
  if (items.length === 0) {
    yield new Map();
    return;
  }
  const [first, ...rest] = items;
  for (const answer of choices[0]!) {
    for (const tail of enumerate(rest, choices.slice(1))) {
      tail.set(first!, answer);
      yield tail;
    }
  }
}

function sumSet(left: ReadonlySet<Hundredths>, right: ReadonlySet<Hundredths>): Set<Hundredths> {
  const sums = new Set<Hundredths>();
  for (const a of left) for (const b of right) sums.add(a + b);
  return sums;
}

/**
 * Builds the score model of written rules. An indicator whose points are incomplete (an
 * option without points, a value that is not an exact hundredth) is left out, so the analysis
 * does not repeat what the references and value-ranges checks report.
 */
export function scoreModelOfWritten(rules: WrittenScreeningRules, questionnaire: WrittenQuestionnaire): ScoreModel {
  const options = new Map(questionnaire.items.map((item) => [item.id, item.options]));
  const enableWhen = new Map<string, { item: string; options: ReadonlySet<string> }>();
  for (const item of questionnaire.items) {
    const condition = item.enableWhen;
    if (!condition) continue;
    const controllingOptions = options.get(condition.answer) ?? [];
    const enabling = condition.in ?? controllingOptions.filter((option) => !(condition.notIn ?? []).includes(option));
    enableWhen.set(item.id, { item: condition.answer, options: new Set(enabling) });
  }

  const indicators = new Map<string, { item: string; points: Map<string, Hundredths> }[]>();
  for (const indicator of rules.indicators) {
    const scored = indicator.items.map((scoring) => {
      const points = new Map<string, Hundredths>();
      for (const option of options.get(scoring.item) ?? []) {
        const hundredths = option in scoring.points ? toHundredths(scoring.points[option]!) : undefined;
        if (hundredths !== undefined) points.set(option, hundredths);
      }
      return { item: scoring.item, points, complete: points.size === (options.get(scoring.item) ?? []).length };
    });
    if (scored.every((entry) => entry.complete)) indicators.set(indicator.id, scored.map(({ item, points }) => ({ item, points })));
  }
  return { options, enableWhen, indicators };
}
