import fc from 'fast-check';
import { bench, describe } from 'vitest';
import { loadShippedCatalog } from '../src/ruleset/index.js';
import { evaluateScreening } from '../src/screening/index.js';
import { answerSetArbitrary } from '../test/support/arbitraries.js';
import { referenceScreening } from '../test/support/reference-screening.js';

// One screening through json-rules-engine against the plain reference computation over the
// same 200 random answer sets. vitest prints the ratio between the two ("x times faster").
const catalog = await loadShippedCatalog();
const ruleSet = catalog.screenings.get('bib-screening@2.0.0')!;
const answerSets = fc.sample(answerSetArbitrary(ruleSet), { numRuns: 200, seed: 20261204 });

describe('screen 200 answer sets, version 2.0.0', () => {
  bench('baseline: plain reference computation', () => {
    for (const answerSet of answerSets) referenceScreening(ruleSet, answerSet);
  });

  bench('evaluateScreening (json-rules-engine, three passes)', async () => {
    for (const answerSet of answerSets) await evaluateScreening(ruleSet, answerSet);
  });
});
