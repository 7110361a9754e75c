import fc from 'fast-check';
import type { ScreeningRuleSet } from '../../src/ruleset/index.js';
import type { AnswerSet } from '../../src/screening/index.js';

/** A valid answer set for `ruleSet`: each item answered with an option, declined, or left out. */
export function answerSetArbitrary(ruleSet: ScreeningRuleSet): fc.Arbitrary<AnswerSet> {
  const itemAnswers: Record<string, fc.Arbitrary<string | undefined>> = {};
  for (const item of ruleSet.questionnaire.items) {
    itemAnswers[item.id] = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...item.options) },
      { weight: 1, arbitrary: fc.constant('declined') },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
  }
  const followUpAnswers: Record<string, fc.Arbitrary<string | undefined>> = {};
  for (const carePath of ruleSet.carePaths) {
    for (const followUp of carePath.followUps) {
      followUpAnswers[followUp.id] = fc.constantFrom('yes', 'no', 'declined', undefined);
    }
  }

  return fc.record({ answers: fc.record(itemAnswers), followUps: fc.record(followUpAnswers) }).map(({ answers, followUps }) => ({
    questionnaire: { id: ruleSet.questionnaire.id, version: ruleSet.questionnaire.version },
    answers: withoutUndefined(answers),
    followUps: withoutUndefined(followUps),
  }));
}

function withoutUndefined(record: Record<string, string | undefined>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) kept[key] = value;
  return kept;
}
