import { canonicalJson } from '../ruleset/hash.js';
import type { WrittenQuestionnaire, WrittenScreeningRules } from '../ruleset/written.js';

/**
 * Lists the changes between two versions of a rule document that change what a screening
 * concludes, each as a YAML-like path. In screening rules these are points, thresholds,
 * care-path triggers with their escalations and follow-up questions, and indicators or care
 * paths added or removed. In a questionnaire they are items added or removed, their options
 * and their enable conditions. Provenance, comments, priorities and action lists are not
 * listed, and other kinds of document give an empty list.
 */
export function scoringChanges(kind: string, before: unknown, after: unknown): string[] {
  if (kind === 'ScreeningRules') return screeningRuleChanges(before as WrittenScreeningRules, after as WrittenScreeningRules);
  if (kind === 'Questionnaire') return questionnaireChanges(before as WrittenQuestionnaire, after as WrittenQuestionnaire);
  return [];
}

function screeningRuleChanges(before: WrittenScreeningRules, after: WrittenScreeningRules): string[] {
  const changes: string[] = [];
  const beforeIndicators = byId(before.indicators ?? []);
  const afterIndicators = byId(after.indicators ?? []);

  for (const id of unionOfKeys(beforeIndicators, afterIndicators)) {
    const old = beforeIndicators.get(id);
    const current = afterIndicators.get(id);
    if (!old || !current) {
      changes.push(`indicators.${id}`);
      continue;
    }
    if (!same(old.threshold?.value, current.threshold?.value)) changes.push(`indicators.${id}.threshold`);

    const oldItems = new Map((old.items ?? []).map((scoring) => [scoring.item, scoring.points]));
    const currentItems = new Map((current.items ?? []).map((scoring) => [scoring.item, scoring.points]));
    for (const item of unionOfKeys(oldItems, currentItems)) {
      if (!same(oldItems.get(item), currentItems.get(item))) changes.push(`indicators.${id}.items.${item}.points`);
    }
  }

  const beforeCarePaths = byId(before.carePaths ?? []);
  const afterCarePaths = byId(after.carePaths ?? []);
  for (const id of unionOfKeys(beforeCarePaths, afterCarePaths)) {
    const old = beforeCarePaths.get(id);
    const current = afterCarePaths.get(id);
    if (!old || !current) {
      changes.push(`carePaths.${id}`);
      continue;
    }
    if (!same(old.trigger, current.trigger)) changes.push(`carePaths.${id}.trigger`);
    if (!same(old.escalations ?? [], current.escalations ?? [])) changes.push(`carePaths.${id}.escalations`);
    if (!same(old.followUps ?? [], current.followUps ?? [])) changes.push(`carePaths.${id}.followUps`);
  }
  return changes;
}

function questionnaireChanges(before: WrittenQuestionnaire, after: WrittenQuestionnaire): string[] {
  const changes: string[] = [];
  const beforeItems = byId(before.items ?? []);
  const afterItems = byId(after.items ?? []);
  for (const id of unionOfKeys(beforeItems, afterItems)) {
    const old = beforeItems.get(id);
    const current = afterItems.get(id);
    if (!old || !current) {
      changes.push(`items.${id}`);
      continue;
    }
    if (!same(old.options, current.options)) changes.push(`items.${id}.options`);
    if (!same(old.enableWhen, current.enableWhen)) changes.push(`items.${id}.enableWhen`);
  }
  return changes;
}

function byId<T extends { id: string }>(entries: readonly T[]): Map<string, T> {
  return new Map(entries.map((entry) => [entry.id, entry]));
}

/** Keys of both maps: those of `first` in its order, then the new ones of `second`. */
function unionOfKeys(first: ReadonlyMap<string, unknown>, second: ReadonlyMap<string, unknown>): string[] {
  return [...new Set([...first.keys(), ...second.keys()])];
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}
