import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { bench, describe } from 'vitest';
import { diffAnswerSets, openAnswerSource } from '../src/diff/index.js';
import { loadCatalogFromFolder, loadShippedCatalog } from '../src/ruleset/index.js';
import { checkAnswers, evaluateScreening } from '../src/screening/index.js';
import { answerSetArbitrary } from '../test/support/arbitraries.js';
import { copyShippedRuleSet, rulesV2 } from '../test/support/ruleset-copy.js';

// Throughput of `bib diff` against its own floor: checking and screening each answer set once
// under one rule set. A diff screens each set twice (base and head) and also reads, maps and
// compares, so a ratio a little above 2 is the expected cost. vitest prints the ratio
// ("x times faster than") between the benches of one group, measured in the same run.
const answerSetCount = 200;
const catalog = await loadShippedCatalog();
const ruleSet = catalog.screenings.get('bib-screening@2.0.0')!;
const answerSets = fc.sample(answerSetArbitrary(ruleSet), { numRuns: answerSetCount, seed: 20261205 });
const records = answerSets.map((answerSet) => ({ questionnaire: 'bib-screening@2.0.0', answers: answerSet.answers, followUps: answerSet.followUps }));

const folder = mkdtempSync(join(tmpdir(), 'bib-diff-bench-'));
const jsonLines = join(folder, 'answers.jsonl');
writeFileSync(jsonLines, records.map((record) => JSON.stringify(record)).join('\n') + '\n');

const base = catalog;
const head = await loadCatalogFromFolder(
  copyShippedRuleSet({ [rulesV2]: (text) => text.replace('  - id: anxiety\n    threshold: { value: 3,', '  - id: anxiety\n    threshold: { value: 2,') }),
);

describe(`diff ${answerSetCount} answer sets, version 2.0.0`, () => {
  bench('baseline: check and screen each set once', async () => {
    for (const record of records) {
      const checked = checkAnswers(record, catalog);
      await evaluateScreening(checked.ruleSet!, checked.answerSet!);
    }
  });

  bench('diffAnswerSets over a JSON-lines file', async () => {
    const source = await openAnswerSource(jsonLines);
    await diffAnswerSets({ base, head, records: source.records() });
  });
});
