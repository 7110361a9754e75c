import { join } from 'node:path';
import { loadCatalogFromFolder, type RuleSetCatalog } from '../../src/ruleset/index.js';
import { diffAnswerSets, openAnswerSource, type DiffReport } from '../../src/diff/index.js';
import { projectRoot } from '../support/cli.js';
import { copyShippedRuleSet, rulesV2 } from '../support/ruleset-copy.js';

export const diffFixtures = join(projectRoot, 'test', 'diff', 'fixtures');

/** Copies the shipped rule sets with the anxiety threshold of 2.0.0 lowered from 3 to 2. */
export function lowerAnxietyThreshold(): string {
  return copyShippedRuleSet({
    [rulesV2]: (text) => text.replace('  - id: anxiety\n    threshold: { value: 3,', '  - id: anxiety\n    threshold: { value: 2,'),
  });
}

export async function catalogs(): Promise<{ base: RuleSetCatalog; head: RuleSetCatalog; baseDir: string; headDir: string }> {
  const baseDir = copyShippedRuleSet();
  const headDir = lowerAnxietyThreshold();
  return { base: await loadCatalogFromFolder(baseDir), head: await loadCatalogFromFolder(headDir), baseDir, headDir };
}

/** Runs the library diff over the answer sets at `path` (folder, .jsonl or .csv). */
export async function diffOver(path: string, options: { listLimit?: number } = {}): Promise<DiffReport> {
  const { base, head } = await catalogs();
  const source = await openAnswerSource(path);
  return diffAnswerSets({ base, head, records: source.records(), ...options });
}
