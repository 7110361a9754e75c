import type { ScreeningCheck } from './context.js';
import { categoryLabels } from './category-labels.js';
import { duplicateIds } from './duplicate-ids.js';
import { questionnaireStructure } from './questionnaire-structure.js';
import { unresolvedReferences } from './references.js';
import { valueRanges } from './value-ranges.js';
import { thresholdReach } from './threshold-reach.js';
import { carePathReach } from './care-path-reach.js';
import { unscoredItems } from './unscored-items.js';
import { dataCategories } from './data-categories.js';
import { translations } from './translations.js';

export type { ScreeningCheck, ScreeningCheckContext } from './context.js';

/**
 * The semantic checks of a screening rule set, in the order they run. Checks that must pass
 * before the rule set can be normalised (ids and references) come first. Add a check by
 * writing a small unit in this folder and listing it here.
 */
export const screeningChecks: readonly ScreeningCheck[] = [
  duplicateIds,
  unresolvedReferences,
  questionnaireStructure,
  valueRanges,
  categoryLabels,
  thresholdReach,
  carePathReach,
  unscoredItems,
  dataCategories,
  translations,
];
