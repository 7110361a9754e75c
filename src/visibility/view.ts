import { errorFinding, InputError } from '../findings/index.js';
import type { ScreeningRuleSet } from '../ruleset/index.js';
import type { ScreeningResult } from '../screening/index.js';
import type { VisibilityRules } from './rules.js';
import { suspicionsVisibleTo, type SuspicionNote } from './suspicion.js';
import { visibleCategories, type Viewer } from './viewer.js';

/** A screening result as one viewer may see it: same shape, filtered, with the viewer stamped. */
export interface ScreeningView extends ScreeningResult {
  viewer: { role: string; categories: string[] };
  suspicions: SuspicionNote[];
}

/**
 * Filters a result for a viewer. Everything whose data category the viewer may not see is
 * removed, not masked: answers, indicators (with their contributions), care paths (whose
 * category is derived from what their trigger reads) and ignored answers. No count, id or
 * text of a removed entry stays behind. A viewer who sees nothing is refused (InputError).
 */
export async function viewResult(
  result: ScreeningResult,
  viewer: Viewer,
  options: { ruleSet: ScreeningRuleSet; visibility: VisibilityRules; suspicions?: readonly SuspicionNote[] },
): Promise<ScreeningView> {
  const categories = await visibleCategories(options.visibility, viewer);
  if (categories.size === 0) {
    throw new InputError([errorFinding('visibility.noAccess', { role: viewer.role })]);
  }

  const itemCategory = new Map(options.ruleSet.questionnaire.items.map((item) => [item.id, item.category]));
  const visibleItem = (item: string) => categories.has(itemCategory.get(item) ?? '');

  const answers: Record<string, string> = {};
  for (const [item, option] of Object.entries(result.answers)) if (visibleItem(item)) answers[item] = option;

  return {
    questionnaire: result.questionnaire,
    ruleSet: result.ruleSet,
    indicators: result.indicators.filter((indicator) => categories.has(indicator.category)),
    carePaths: result.carePaths.filter((carePath) => categories.has(carePath.category)),
    answers,
    ignoredAnswers: result.ignoredAnswers.filter((ignored) => visibleItem(ignored.item)),
    viewer: { role: viewer.role, categories: options.ruleSet.questionnaire.categories.filter((category) => categories.has(category)) },
    suspicions: suspicionsVisibleTo(options.suspicions ?? [], viewer, categories, options.ruleSet),
  };
}
