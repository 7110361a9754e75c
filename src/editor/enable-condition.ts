import type { Questionnaire, QuestionnaireItem } from '../ruleset/index.js';
import { declinedAnswer } from '../screening/index.js';

/**
 * Tells whether an item is asked, given the answers so far. The rule is the engine's: an item
 * is skipped only when its controlling item is answered with an option outside the enabling
 * set. A declined or missing controlling answer leaves the item enabled.
 */
export function isItemEnabled(item: QuestionnaireItem, answers: Readonly<Record<string, string>>): boolean {
  const condition = item.enableWhen;
  if (!condition) return true;

  const given = answers[condition.item];
  if (given === undefined || given === declinedAnswer) return true;
  return condition.options.includes(given);
}

/** The controlling item and the answers to it that make an item skipped, for showing in words. */
export interface SkipCondition {
  item: string;
  options: string[];
}

/** Lists the answers that switch an item off, or returns undefined for an item always asked. */
export function skipCondition(item: QuestionnaireItem, questionnaire: Questionnaire): SkipCondition | undefined {
  const condition = item.enableWhen;
  if (!condition) return undefined;

  const controlling = questionnaire.items.find((candidate) => candidate.id === condition.item);
  const options = (controlling?.options ?? []).filter((option) => !condition.options.includes(option));
  return options.length > 0 ? { item: condition.item, options } : undefined;
}
