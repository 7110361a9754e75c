import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadShippedCatalog, type ScreeningRuleSet } from '../../src/ruleset/index.js';
import { evaluateScreening, type AnswerSet } from '../../src/screening/index.js';
import { answerSetArbitrary } from '../support/arbitraries.js';
import { referenceScreening } from '../support/reference-screening.js';

const catalog = await loadShippedCatalog();
const ruleSets = [...catalog.screenings.values()];

describe.each(ruleSets.map((ruleSet) => ({ version: ruleSet.version, ruleSet })))('screening properties, version $version', ({ ruleSet }) => {
  it('engine result equals the reference computation', async () => {
    await fc.assert(
      fc.asyncProperty(answerSetArbitrary(ruleSet), async (answerSet) => {
        const result = await evaluateScreening(ruleSet, answerSet);
        const reference = referenceScreening(ruleSet, answerSet);
        expect(result.indicators.map(({ id, status, score }) => ({ id, status, score }))).toEqual(reference.indicators);
        expect(result.carePaths.map((carePath) => ({ id: carePath.id, priority: carePath.priority, actions: carePath.actions.map((action) => action.id) }))).toEqual(
          reference.carePaths,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('more points on one answer never turns positive into negative', async () => {
    const arbitrary = answerSetArbitrary(ruleSet).chain((answerSet) =>
      fc.tuple(fc.constant(answerSet), fc.constantFrom(...ruleSet.indicators), fc.nat()),
    );
    await fc.assert(
      fc.asyncProperty(arbitrary, async ([answerSet, indicator, pick]) => {
        const before = await evaluateScreening(ruleSet, answerSet);
        const scoring = indicator.items[pick % indicator.items.length]!;
        const current = answerSet.answers[scoring.item];
        const currentPoints = current === undefined ? undefined : scoring.points.get(current);
        if (currentPoints === undefined) return;

        const higher = [...scoring.points].filter(([, points]) => points >= currentPoints);
        const [option] = higher[pick % higher.length]!;
        const raised: AnswerSet = { ...answerSet, answers: { ...answerSet.answers, [scoring.item]: option } };
        const after = await evaluateScreening(ruleSet, raised);

        for (const indicatorBefore of before.indicators) {
          if (indicatorBefore.status !== 'positive') continue;
          const indicatorAfter = after.indicators.find((entry) => entry.id === indicatorBefore.id)!;
          expect(indicatorAfter.status).not.toBe('negative');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('incomplete exactly when completions disagree', async () => {
    const arbitrary = answerSetArbitrary(ruleSet).chain((answerSet) => fc.tuple(fc.constant(answerSet), fc.constantFrom(...ruleSet.indicators)));
    await fc.assert(
      fc.asyncProperty(arbitrary, async ([answerSet, indicator]) => {
        const result = await evaluateScreening(ruleSet, answerSet);
        const status = result.indicators.find((entry) => entry.id === indicator.id)!.status;
        if (status === 'not_applicable') return;

        const outcomes = new Set<string>();
        for (const completion of completions(ruleSet, indicator.id, answerSet)) {
          const completed = await evaluateScreening(ruleSet, completion);
          outcomes.add(completed.indicators.find((entry) => entry.id === indicator.id)!.status);
        }
        const disagree = outcomes.has('positive') && outcomes.has('negative');
        expect(status === 'incomplete').toBe(disagree);
        if (!disagree) expect([...outcomes]).toEqual([status]);
      }),
      { numRuns: 150 },
    );
  });
});

/** Every way to answer the declined or missing items of one indicator, the rest unchanged. */
function completions(ruleSet: ScreeningRuleSet, indicatorId: string, answerSet: AnswerSet): AnswerSet[] {
  const indicator = ruleSet.indicators.find((entry) => entry.id === indicatorId)!;
  const open = indicator.items.filter((scoring) => {
    const answer = answerSet.answers[scoring.item];
    return answer === undefined || answer === 'declined';
  });
  let sets: AnswerSet[] = [answerSet];
  for (const scoring of open) {
    sets = sets.flatMap((set) => [...scoring.points.keys()].map((option) => ({ ...set, answers: { ...set.answers, [scoring.item]: option } })));
  }
  return sets;
}
