import { errorFinding, InputError } from '../findings/index.js';
import type { ScreeningRuleSet } from '../ruleset/index.js';
import { deriveCategories, type ScreeningResult } from '../screening/index.js';
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
  if (viewer === null || typeof viewer !== 'object' || typeof viewer.role !== 'string') {
    throw new InputError([errorFinding('visibility.noViewer', {})]);
  }
  const categories = await visibleCategories(options.visibility, viewer);
  if (categories.size === 0) {
    throw new InputError([errorFinding('visibility.noAccess', { role: viewer.role })]);
  }

  if (result.ruleSet.sha256 !== options.ruleSet.sha256) {
    throw new InputError([errorFinding('visibility.ruleSetMismatch', { result: `${result.ruleSet.id} ${result.ruleSet.version}`, given: `${options.ruleSet.id} ${options.ruleSet.version}` })]);
  }

  // Categories come from the rule set, never from the stored result, which a host may have edited.
  const derived = deriveCategories(options.ruleSet);
  const carePathCategories = derived.carePaths;
  const itemCategory = new Map(options.ruleSet.questionnaire.items.map((item) => [item.id, item.category]));
  const visibleItem = (item: string) => categories.has(itemCategory.get(item) ?? '');

  const answers: Record<string, string> = {};
  for (const [item, option] of Object.entries(result.answers)) if (visibleItem(item)) answers[item] = option;

  return {
    questionnaire: result.questionnaire,
    ruleSet: result.ruleSet,
    indicators: result.indicators.filter((indicator) => categories.has(derived.indicators.get(indicator.id) ?? '')),
    carePaths: result.carePaths.filter((carePath) => categories.has(carePathCategories.get(carePath.id) ?? '')),
    answers,
    ignoredAnswers: result.ignoredAnswers.filter((ignored) => visibleItem(ignored.item)),
    ignoredFollowUps: result.ignoredFollowUps.filter((ignored) => categories.has(carePathCategories.get(ignored.carePath) ?? '')),
    viewer: { role: viewer.role, categories: options.ruleSet.questionnaire.categories.filter((category) => categories.has(category)) },
    suspicions: suspicionsVisibleTo(options.suspicions ?? [], viewer, categories, options.ruleSet),
  };
}
