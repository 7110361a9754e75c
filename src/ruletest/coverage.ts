import { fromHundredths, toHundredths, type Hundredths, type RuleSetCatalog, type ScreeningRuleSet } from '../ruleset/index.js';
import { reachableScores, type ScoreModel } from '../ruleset/checks/score-space.js';
import type { RuleSetStamp } from '../screening/index.js';
import type { EvaluatedCase } from './cases.js';

/** A score a boundary case must reach, and the cases that reached it. */
export interface BoundaryCoverage {
  /** The target score, or null when no answer set has such a score. */
  score: number | null;
  /** Ids of the cases whose indicator has exactly this score: positive at the threshold, negative below it. */
  cases: string[];
}

export interface IndicatorCoverage {
  id: string;
  threshold: number;
  /** The lowest reachable score at or above the threshold: the threshold itself when it is reachable. */
  atThreshold: BoundaryCoverage;
  /** The highest reachable score below the threshold. */
  justBelow: BoundaryCoverage;
}

export interface CarePathCoverage {
  id: string;
  /** Ids of the cases that triggered the care path. */
  cases: string[];
}

/** One gap in the coverage: a boundary or a care path that no case reaches. */
export interface CoverageGap {
  kind: 'atThreshold' | 'justBelow' | 'carePath';
  id: string;
  /** The score a case must have, for a threshold gap. */
  score?: number;
}

export interface RuleSetCoverage {
  ruleSet: RuleSetStamp & { questionnaire: string };
  indicators: IndicatorCoverage[];
  carePaths: CarePathCoverage[];
  uncovered: CoverageGap[];
}

/**
 * Measures, for every rule set of the catalog, whether the cases include an answer set exactly
 * at each threshold and one at the highest reachable score below it, and whether each care
 * path was triggered at least once. Scores are taken from the results, so a failing case
 * still counts for what it actually reached.
 */
export function ruleTestCoverage(catalog: RuleSetCatalog, evaluated: readonly EvaluatedCase[]): RuleSetCoverage[] {
  return [...catalog.screenings].map(([questionnaire, ruleSet]) => {
    const own = evaluated.filter((entry) => entry.case.ruleSet === ruleSet);
    const model = scoreModelOf(ruleSet);

    const indicators = ruleSet.indicators.map((indicator): IndicatorCoverage => {
      const scores = reachableScores(model, indicator.id) ?? [];
      const atTarget = scores.find((score) => score >= indicator.threshold);
      const belowTarget = scores.filter((score) => score < indicator.threshold).at(-1);
      // A case below the threshold counts only when it is decided (negative): an unanswered
      // indicator also scores 0 but tests nothing.
      const casesWithScore = (target: Hundredths | undefined, status: string) =>
        target === undefined
          ? []
          : own
              .filter((entry) => entry.result.indicators.some((result) => result.id === indicator.id && result.status === status && toHundredths(result.score) === target))
              .map((entry) => entry.case.id);
      return {
        id: indicator.id,
        threshold: fromHundredths(indicator.threshold),
        atThreshold: { score: atTarget === undefined ? null : fromHundredths(atTarget), cases: casesWithScore(atTarget, 'positive') },
        justBelow: { score: belowTarget === undefined ? null : fromHundredths(belowTarget), cases: casesWithScore(belowTarget, 'negative') },
      };
    });

    const carePaths = ruleSet.carePaths.map((carePath): CarePathCoverage => ({
      id: carePath.id,
      cases: own.filter((entry) => entry.result.carePaths.some((result) => result.id === carePath.id)).map((entry) => entry.case.id),
    }));

    const uncovered: CoverageGap[] = [];
    for (const indicator of indicators) {
      for (const kind of ['atThreshold', 'justBelow'] as const) {
        const boundary = indicator[kind];
        if (boundary.score !== null && boundary.cases.length === 0) uncovered.push({ kind, id: indicator.id, score: boundary.score });
      }
    }
    for (const carePath of carePaths) if (carePath.cases.length === 0) uncovered.push({ kind: 'carePath', id: carePath.id });

    return {
      ruleSet: { id: ruleSet.id, version: ruleSet.version, sha256: ruleSet.sha256, questionnaire },
      indicators,
      carePaths,
      uncovered,
    };
  });
}

/** Builds the score model of a normalised rule set (points are already hundredths). */
function scoreModelOf(ruleSet: ScreeningRuleSet): ScoreModel {
  const items = ruleSet.questionnaire.items;
  return {
    options: new Map(items.map((item) => [item.id, item.options])),
    enableWhen: new Map(items.flatMap((item) => (item.enableWhen ? [[item.id, { item: item.enableWhen.item, options: new Set(item.enableWhen.options) }] as const] : []))),
    indicators: new Map(ruleSet.indicators.map((indicator) => [indicator.id, indicator.items.map((scoring) => ({ item: scoring.item, points: scoring.points }))])),
  };
}
