import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadShippedCatalog, toHundredths, type ScreeningRuleSet } from '../../src/ruleset/index.js';
import { reachableScores, type ScoreModel } from '../../src/ruleset/checks/score-space.js';
import { evaluateScreening, type AnswerSet } from '../../src/screening/index.js';

function modelOf(ruleSet: ScreeningRuleSet): ScoreModel {
  const items = ruleSet.questionnaire.items;
  return {
    options: new Map(items.map((item) => [item.id, item.options])),
    enableWhen: new Map(items.flatMap((item) => (item.enableWhen ? [[item.id, { item: item.enableWhen.item, options: new Set(item.enableWhen.options) }] as const] : []))),
    indicators: new Map(ruleSet.indicators.map((indicator) => [indicator.id, indicator.items.map(({ item, points }) => ({ item, points }))])),
  };
}

/** Every combination of answers (each option, declined, or unanswered) to the given items. */
function* combinations(items: readonly { id: string; options: readonly string[] }[]): Generator<Record<string, string>> {
  if (items.length === 0) {
    yield {};
    return;
  }
  const [first, ...rest] = items;
  for (const tail of combinations(rest)) {
    for (const answer of [...first!.options, 'declined', undefined]) yield answer === undefined ? { ...tail } : { ...tail, [first!.id]: answer };
  }
}

describe('reachable scores', () => {
  it('equal the engine scores for shipped indicators', async () => {
    const catalog = await loadShippedCatalog();
    const ruleSet = catalog.screenings.get('bib-screening@2.0.0')!;
    const model = modelOf(ruleSet);

    for (const indicator of ruleSet.indicators) {
      const read = new Set(indicator.items.map((scoring) => scoring.item));
      for (const item of ruleSet.questionnaire.items) if (item.enableWhen && read.has(item.id)) read.add(item.enableWhen.item);
      const items = ruleSet.questionnaire.items.filter((item) => read.has(item.id));

      const seen = new Set<number>();
      for (const answers of combinations(items)) {
        const answerSet: AnswerSet = { questionnaire: { id: 'bib-screening', version: '2.0.0' }, answers, followUps: {} };
        const result = await evaluateScreening(ruleSet, answerSet);
        const own = result.indicators.find((entry) => entry.id === indicator.id)!;
        if (own.status !== 'not_applicable') seen.add(toHundredths(own.score)!);
      }
      expect(reachableScores(model, indicator.id), indicator.id).toEqual([...seen].sort((a, b) => a - b));
    }
  });

  it('match brute force on small models', () => {
    const option: fc.Arbitrary<string> = fc.constantFrom('a', 'b', 'c', 'd');
    const scoredItem = fc.record({
      options: fc.uniqueArray(option, { minLength: 1, maxLength: 4 }),
      points: fc.array(fc.integer({ min: 0, max: 8 }).map((halves) => halves * 50), { minLength: 4, maxLength: 4 }),
      enabledBy: fc.option(fc.uniqueArray(option, { minLength: 1, maxLength: 3 }), { nil: undefined }),
    });

    fc.assert(
      fc.property(fc.array(scoredItem, { minLength: 1, maxLength: 3 }), fc.uniqueArray(option, { minLength: 1, maxLength: 4 }), (items, controllingOptions) => {
        // Item `gate` controls every scored item that has an `enabledBy` list; it scores nothing itself.
        const ids = items.map((_, index) => `item_${index}`);
        const model: ScoreModel = {
          options: new Map<string, readonly string[]>([['gate', controllingOptions], ...items.map((item, index) => [ids[index]!, item.options] as [string, string[]])]),
          enableWhen: new Map(items.flatMap((item, index) => (item.enabledBy ? [[ids[index]!, { item: 'gate', options: new Set(item.enabledBy) }] as const] : []))),
          indicators: new Map([['indicator', items.map((item, index) => ({ item: ids[index]!, points: new Map(item.options.map((code, position) => [code, item.points[position]!])) }))]]),
        };

        const expected = new Set<number>();
        const all = [{ id: 'gate', options: controllingOptions }, ...items.map((item, index) => ({ id: ids[index]!, options: item.options }))];
        for (const answers of combinations(all)) {
          let applicable = false;
          let score = 0;
          items.forEach((item, index) => {
            const gate = answers['gate'];
            const disabled = item.enabledBy !== undefined && gate !== undefined && gate !== 'declined' && !item.enabledBy.includes(gate);
            if (disabled) return;
            applicable = true;
            const answer = answers[ids[index]!];
            if (answer !== undefined && answer !== 'declined') score += item.points[item.options.indexOf(answer)]!;
          });
          if (applicable) expected.add(score);
        }
        expect(reachableScores(model, 'indicator')).toEqual([...expected].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
  });

  it('restriction keeps only listed options', async () => {
    const catalog = await loadShippedCatalog();
    const model = modelOf(catalog.screenings.get('bib-screening@2.0.0')!);
    expect(reachableScores(model, 'housing_situation', new Map([['housing_type', new Set(['shelter'])]]))).toEqual([300, 400]);
    expect(reachableScores(model, 'housing_situation', new Map([['housing_type', new Set<string>()]]))).toEqual([]);
  });

  it('unknown indicator is undecided', () => {
    const model: ScoreModel = { options: new Map(), enableWhen: new Map(), indicators: new Map() };
    expect(reachableScores(model, 'nothing')).toBeUndefined();
  });
});
