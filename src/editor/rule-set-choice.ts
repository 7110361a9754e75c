import { errorFinding, InputError } from '../findings/index.js';
import type { RuleSetCatalog, ScreeningRuleSet } from '../ruleset/index.js';

/**
 * Picks the screening rule set of a questionnaire version from the catalog: the one whose
 * questionnaire has `version`, or the highest version when `version` is absent. Throws
 * InputError naming the known versions when there is no such version.
 */
export function chooseRuleSet(catalog: RuleSetCatalog, version?: string): ScreeningRuleSet {
  const ruleSets = [...catalog.screenings.values()].sort((a, b) => compareVersions(b.questionnaire.version, a.questionnaire.version));
  const known = ruleSets.map((ruleSet) => `${ruleSet.questionnaire.id}@${ruleSet.questionnaire.version}`);

  const chosen = version === undefined ? ruleSets[0] : ruleSets.find((ruleSet) => ruleSet.questionnaire.version === version);
  if (!chosen) throw new InputError([errorFinding('editor:questionnaire.unknownVersion', { version: version ?? '', known })]);
  return chosen;
}

/** Compares two `major.minor.patch` versions numerically, so 1.10.0 sorts after 1.9.0. */
function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
