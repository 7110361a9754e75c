import { errorFinding, type Finding } from '../findings/index.js';
import type { RuleSetCatalog, ScreeningRuleSet } from '../ruleset/index.js';
import { declinedAnswer, type AnswerSet } from '../screening/index.js';

/** Which rule set of a side screens an answer set, and how its answers were carried over. */
export interface SideChoice {
  ruleSet: ScreeningRuleSet;
  answerSet: AnswerSet;
  /** Set when the answers were mapped onto another questionnaire version. */
  mapped?: { from: string; to: string; ignoredItems: string[] };
}

export function questionnaireReference(ruleSet: ScreeningRuleSet): string {
  return `${ruleSet.questionnaire.id}@${ruleSet.questionnaire.version}`;
}

/**
 * Chooses the rule set of one side (base or head) for an answer set of questionnaire `own`:
 * the one named by `forced` (`--as`, `--base-as`); otherwise the side's rule set for `own`;
 * otherwise the side's only rule set of the same questionnaire id. Returns a finding when
 * there is none or the choice is ambiguous.
 */
export function chooseSideRuleSet(
  catalog: RuleSetCatalog,
  own: ScreeningRuleSet,
  forced: string | undefined,
  side: 'base' | 'head',
): ScreeningRuleSet | Finding {
  if (forced !== undefined) return catalog.screenings.get(forced)!;
  const reference = questionnaireReference(own);
  const exact = catalog.screenings.get(reference);
  if (exact) return exact;

  const sameId = [...catalog.screenings.values()].filter((candidate) => candidate.questionnaire.id === own.questionnaire.id);
  if (sameId.length === 1) return sameId[0]!;
  return errorFinding('validate:diff.noRuleSet', { side, reference, candidates: sameId.map(questionnaireReference), option: side === 'base' ? '--base-as' : '--as' });
}

/**
 * Carries an answer set over to the questionnaire of `target`. Answers to items the target
 * does not ask are ignored (that version never asked them), items only the target asks stay
 * unanswered, and follow-up answers are kept only for the target's follow-up questions.
 * An answer whose option the target's item does not offer cannot be carried over: that is a
 * finding.
 */
export function mapAnswerSet(answerSet: AnswerSet, source: ScreeningRuleSet, target: ScreeningRuleSet): SideChoice | Finding[] {
  if (target.questionnaire === source.questionnaire) return { ruleSet: target, answerSet };

  const targetItems = new Map(target.questionnaire.items.map((item) => [item.id, item]));
  const answers: Record<string, string> = {};
  const ignoredItems: string[] = [];
  const findings: Finding[] = [];
  for (const [itemId, option] of Object.entries(answerSet.answers)) {
    const item = targetItems.get(itemId);
    if (!item) {
      ignoredItems.push(itemId);
      continue;
    }
    if (option !== declinedAnswer && !item.options.includes(option)) {
      findings.push(
        errorFinding('validate:diff.optionNotInTarget', { item: itemId, option, target: questionnaireReference(target), allowed: [...item.options] }, { path: ['answers', itemId] }),
      );
      continue;
    }
    answers[itemId] = option;
  }
  if (findings.length > 0) return findings;

  const targetFollowUps = new Set(target.carePaths.flatMap((carePath) => carePath.followUps.map((followUp) => followUp.id)));
  const followUps = Object.fromEntries(Object.entries(answerSet.followUps).filter(([question]) => targetFollowUps.has(question)));
  const to = questionnaireReference(target);
  return {
    ruleSet: target,
    answerSet: { questionnaire: { id: target.questionnaire.id, version: target.questionnaire.version }, answers, followUps },
    ...(to === questionnaireReference(source) ? {} : { mapped: { from: questionnaireReference(source), to, ignoredItems } }),
  };
}
