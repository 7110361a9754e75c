import { canonicalJson, sha256Hex } from './hash.js';
import { toHundredths } from './decimal.js';
import type {
  AnswerCondition,
  Condition,
  Hundredths,
  ItemScoring,
  Questionnaire,
  QuestionnaireItem,
  ScreeningRuleSet,
  SourceLocation,
} from './types.js';
import type { WrittenAnswerCondition, WrittenCondition, WrittenQuestionnaire, WrittenScreeningRules } from './written.js';

/** Turns a checked questionnaire into its normalised form. `notIn` becomes the complementary `in`. */
export function normalizeQuestionnaire(written: WrittenQuestionnaire, source: SourceLocation): Questionnaire {
  const itemsById = new Map(written.items.map((item) => [item.id, item]));
  const items: QuestionnaireItem[] = written.items.map((item) => {
    const normalized: QuestionnaireItem = { id: item.id, category: item.category, options: [...item.options] };
    if (item.enableWhen) {
      const controlling = itemsById.get(item.enableWhen.answer);
      normalized.enableWhen = normalizeAnswerCondition(item.enableWhen, controlling?.options ?? []);
    }
    return normalized;
  });

  return {
    id: written.id,
    version: written.version,
    categories: [...written.categories],
    identification: (written.identification ?? []).map((field) => ({ id: field.id, required: field.required })),
    items,
    source,
  };
}

/**
 * Turns checked screening rules into the rule set used for evaluation: points as integer
 * hundredths, conditions in positive form, and a content hash over both files' normalised
 * content (so comments and formatting do not change it).
 */
export function normalizeScreeningRules(
  written: WrittenScreeningRules,
  questionnaire: Questionnaire,
  source: SourceLocation,
): ScreeningRuleSet {
  const itemOptions = new Map(questionnaire.items.map((item) => [item.id, item.options]));

  const indicators = written.indicators.map((indicator) => ({
    id: indicator.id,
    ...(indicator.category ? { label: indicator.category } : {}),
    threshold: exact(indicator.threshold.value),
    thresholdProvenance: indicator.threshold.provenance,
    items: indicator.items.map((scoring): ItemScoring => {
      const points = new Map<string, Hundredths>();
      // Options in questionnaire order, so the rule set does not depend on YAML key order.
      for (const option of itemOptions.get(scoring.item) ?? []) points.set(option, exact(scoring.points[option] ?? 0));
      return {
        item: scoring.item,
        provenance: scoring.provenance,
        points,
        maxPoints: Math.max(0, ...points.values()),
      };
    }),
  }));

  const carePaths = written.carePaths.map((carePath) => ({
    id: carePath.id,
    ...(carePath.category ? { label: carePath.category } : {}),
    provenance: carePath.provenance,
    trigger: normalizeCondition(carePath.trigger, itemOptions),
    priority: carePath.priority,
    escalations: (carePath.escalations ?? []).map((escalation) => ({
      when: normalizeCondition(escalation.when, itemOptions),
      priority: escalation.priority,
    })),
    actions: [...carePath.actions],
    followUps: (carePath.followUps ?? []).map((followUp) => ({ ...followUp })),
  }));

  const content = {
    id: written.id,
    version: written.version,
    questionnaire: { ...questionnaire, source: undefined },
    indicators,
    priorities: [...written.priorities],
    actions: [...written.actions],
    carePaths,
  };

  return {
    ...content,
    questionnaire,
    sha256: sha256Hex(canonicalJson(content)),
    source,
  };
}

function exact(value: number): Hundredths {
  const hundredths = toHundredths(value);
  // The value-ranges check rejects such values before normalisation runs.
  if (hundredths === undefined) throw new RangeError(`not an exact decimal with two places: ${value}`);
  return hundredths;
}

function normalizeAnswerCondition(condition: WrittenAnswerCondition, options: readonly string[]): AnswerCondition {
  const listed = condition.in ?? options.filter((option) => !(condition.notIn ?? []).includes(option));
  return { kind: 'answer', item: condition.answer, options: listed };
}

function normalizeCondition(condition: WrittenCondition, itemOptions: ReadonlyMap<string, readonly string[]>): Condition {
  if ('all' in condition) return { kind: 'all', conditions: condition.all.map((inner) => normalizeCondition(inner, itemOptions)) };
  if ('any' in condition) return { kind: 'any', conditions: condition.any.map((inner) => normalizeCondition(inner, itemOptions)) };
  if ('positive' in condition) return { kind: 'positive', indicator: condition.positive };
  if ('positiveCount' in condition) return { kind: 'positiveCount', atLeast: condition.positiveCount.atLeast };
  return normalizeAnswerCondition(condition, itemOptions.get(condition.answer) ?? []);
}
