import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseRuleSet, isItemEnabled, QuestionnaireWalk, type WalkStep } from '../../src/editor/index.js';
import { loadShippedCatalog, type RuleSetCatalog, type ScreeningRuleSet } from '../../src/ruleset/index.js';
import { evaluateScreening, prepareAnswers, type AnswerSet } from '../../src/screening/index.js';

let catalog: RuleSetCatalog;
let ruleSet: ScreeningRuleSet;

beforeAll(async () => {
  catalog = await loadShippedCatalog();
  ruleSet = chooseRuleSet(catalog);
});

function choicesOf(step: WalkStep): string[] {
  return step.kind === 'item' ? [...step.item.options, 'declined'] : ['yes', 'no', 'declined'];
}

function publicFormat(answerSet: AnswerSet) {
  return {
    questionnaire: `${answerSet.questionnaire.id}@${answerSet.questionnaire.version}`,
    answers: answerSet.answers,
    followUps: answerSet.followUps,
  };
}

/** Answers each question with the option that `pick` chooses, until the walk ends. */
async function answerAll(walk: QuestionnaireWalk, pick: (step: WalkStep) => string): Promise<void> {
  for (let step = walk.current(); step; step = walk.current()) await walk.answer(pick(step));
}

describe('chooseRuleSet', () => {
  it('picks the latest version by default', () => {
    expect(ruleSet.questionnaire.version).toBe('2.0.0');
    expect(ruleSet.questionnaire.items).toHaveLength(24);
  });

  it('picks a named version', () => {
    expect(chooseRuleSet(catalog, '1.0.0').questionnaire.items).toHaveLength(22);
  });

  it('rejects an unknown version with the known ones', () => {
    expect(() => chooseRuleSet(catalog, '9.9.9')).toThrowError(expect.objectContaining({
      name: 'InputError',
      findings: [expect.objectContaining({ code: 'editor:questionnaire.unknownVersion', params: { version: '9.9.9', known: ['bib-screening@2.0.0', 'bib-screening@1.0.0'] } })],
    }));
  });
});

describe('isItemEnabled', () => {
  const partnerOccupation = () => ruleSet.questionnaire.items.find((item) => item.id === 'partner_occupation')!;

  it('skips partner occupation without a partner', () => {
    expect(isItemEnabled(partnerOccupation(), { has_partner: 'no' })).toBe(false);
  });

  it('asks partner occupation when has_partner is declined or missing', () => {
    expect(isItemEnabled(partnerOccupation(), { has_partner: 'declined' })).toBe(true);
    expect(isItemEnabled(partnerOccupation(), {})).toBe(true);
  });

  it('agrees with the engine on ignored answers', async () => {
    const items = ruleSet.questionnaire.items;
    const answers = fc.tuple(...items.map((item) => fc.constantFrom(...item.options, 'declined')));

    await fc.assert(
      fc.asyncProperty(answers, async (codes) => {
        const given = Object.fromEntries(items.map((item, index) => [item.id, codes[index]!]));
        const result = await evaluateScreening(ruleSet, { questionnaire: { id: 'bib-screening', version: '2.0.0' }, answers: given, followUps: {} });

        const ignored = result.ignoredAnswers.map((entry) => entry.item).sort();
        const skipped = items.filter((item) => !isItemEnabled(item, given)).map((item) => item.id).sort();
        expect(ignored).toEqual(skipped);
      }),
      { numRuns: 40 },
    );
  });
});

describe('QuestionnaireWalk', () => {
  it('asks every item in order with progress', async () => {
    const walk = await QuestionnaireWalk.start(ruleSet);
    const asked: string[] = [];
    await answerAll(walk, (step) => {
      if (step.kind === 'item') {
        asked.push(step.item.id);
        expect(step.position).toBe(asked.length);
        expect(step.total).toBe(24);
      }
      return step.kind === 'item' ? step.item.options[0]! : 'no';
    });
    expect(asked).toEqual(ruleSet.questionnaire.items.map((item) => item.id));
    expect(walk.finished).toBe(true);
  });

  it('skips partner occupation after no partner', async () => {
    const walk = await QuestionnaireWalk.start(ruleSet);
    const asked: string[] = [];
    await answerAll(walk, (step) => {
      if (step.kind === 'item') asked.push(step.item.id);
      if (step.kind === 'item' && step.item.id === 'has_partner') return 'no';
      return step.kind === 'item' ? step.item.options[0]! : 'no';
    });
    expect(asked).not.toContain('partner_occupation');
    expect(walk.answerSet().answers['partner_occupation']).toBeUndefined();
  });

  it('goes back and keeps the earlier answer', async () => {
    const walk = await QuestionnaireWalk.start(ruleSet);
    expect(walk.current()).toMatchObject({ kind: 'item', canGoBack: false });
    expect(walk.back()).toBe(false);

    await walk.answer('interpreter_needed');
    await walk.answer('declined');
    expect(walk.back()).toBe(true);
    expect(walk.current()).toMatchObject({ kind: 'item', item: { id: 'reading_difficulty' }, previous: 'declined', position: 2 });

    expect(walk.back()).toBe(true);
    expect(walk.current()).toMatchObject({ item: { id: 'language_barrier' }, previous: 'interpreter_needed', canGoBack: false });
  });

  it('drops an answer whose item is no longer asked', async () => {
    const walk = await QuestionnaireWalk.start(ruleSet);
    for (let step = walk.current(); step?.kind === 'item' && step.item.id !== 'support_persons'; step = walk.current()) {
      await walk.answer(step.item.id === 'has_partner' ? 'living_together' : step.item.options[0]!);
    }
    expect(walk.answerSet().answers['partner_occupation']).toBe('employed');

    walk.back();
    walk.back();
    expect(walk.current()).toMatchObject({ item: { id: 'has_partner' } });
    await walk.answer('no');
    expect(walk.current()).toMatchObject({ item: { id: 'support_persons' }, total: 23 });
    expect(walk.answerSet().answers['partner_occupation']).toBeUndefined();
  });

  it('asks the follow-up of a triggered care path', async () => {
    const walk = await QuestionnaireWalk.start(ruleSet);
    const followUps: string[] = [];
    await answerAll(walk, (step) => {
      if (step.kind === 'followUp') {
        followUps.push(`${step.followUp.carePath}/${step.followUp.id}`);
        return 'yes';
      }
      return step.item.id === 'feeling_down' ? 'yes' : step.item.options[0]!;
    });
    expect(followUps).toEqual(['perinatal_mental_health/self_harm_thoughts']);
    expect(walk.answerSet().followUps).toEqual({ self_harm_thoughts: 'yes' });
  });

  it('rejects an answer that is not an option', async () => {
    const walk = await QuestionnaireWalk.start(ruleSet);
    await expect(walk.answer('maybe')).rejects.toThrow(/not an answer to language_barrier/);
  });

  it('ends with answers that screen cleanly', async () => {
    const command = fc.oneof(fc.constant({ back: true as const }), fc.nat({ max: 5 }).map((pick) => ({ back: false as const, pick })));

    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 60 }), async (commands) => {
        const walk = await QuestionnaireWalk.start(ruleSet);
        for (const next of commands) {
          const step = walk.current();
          if (!step) break;
          if (next.back) walk.back();
          else await walk.answer(choicesOf(step)[next.pick % choicesOf(step).length]!);
        }
        await answerAll(walk, (step) => choicesOf(step)[0]!);

        const answerSet = walk.answerSet();
        const prepared = prepareAnswers(publicFormat(answerSet), catalog);
        const result = await evaluateScreening(prepared.ruleSet, prepared.answerSet);

        expect(result.ignoredAnswers).toEqual([]);
        for (const item of ruleSet.questionnaire.items) {
          expect(item.id in answerSet.answers).toBe(isItemEnabled(item, answerSet.answers));
        }
        const pending = result.carePaths.flatMap((carePath) => carePath.followUps.filter((followUp) => followUp.answer === null));
        expect(pending).toEqual([]);
        const triggered = new Set(result.carePaths.flatMap((carePath) => carePath.followUps.map((followUp) => followUp.id)));
        for (const id of Object.keys(answerSet.followUps)) expect(triggered.has(id)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});
