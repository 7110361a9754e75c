import { errorFinding, warningFinding, type Finding, type PathSegment } from '../findings/index.js';
import type { SourceDocument } from '../source/index.js';
import { readVisibilityRules } from '../visibility/index.js';
import type { KindCheck } from './kind-check.js';
import { topLevelMapping, type RuleDocument } from './rule-documents.js';

/**
 * Visibility rules, checked by the visibility loader (schema, duplicate roles, exceptions for
 * undeclared roles). Then every category in `sees` and `grants` is checked against the data
 * categories that the given questionnaires declare, because a misspelt category matches no
 * data and a role silently loses or keeps access.
 */
export const visibilityRulesCheck: KindCheck = {
  kinds: ['VisibilityRules'],
  async run(documents, all) {
    const declared = declaredCategories(all);
    const findings: Finding[] = [];
    for (const { file, document } of documents) {
      findings.push(...(await readVisibilityRules(file)).findings);
      if (declared.length === 0) {
        findings.push(warningFinding('validate:visibility.categoriesNotChecked', {}, { file, path: [], ...document.locate([]) }));
        continue;
      }
      findings.push(...categoryFindings(document, declared));
    }
    return findings;
  },
};

/** Collects the data categories of every given questionnaire, in the order they are first declared. */
function declaredCategories(documents: readonly RuleDocument[]): string[] {
  const categories = new Set<string>();
  for (const { kind, document } of documents) {
    if (kind !== 'Questionnaire') continue;
    const listed = topLevelMapping(document.data)?.['categories'];
    if (!Array.isArray(listed)) continue;
    for (const category of listed) if (typeof category === 'string') categories.add(category);
  }
  return [...categories];
}

function categoryFindings(document: SourceDocument, declared: readonly string[]): Finding[] {
  const data = topLevelMapping(document.data) ?? {};
  const listsOf = (section: string, key: string): { list: unknown; path: PathSegment[] }[] => {
    const entries = data[section];
    if (!Array.isArray(entries)) return [];
    return entries.map((entry: unknown, index) => ({ list: topLevelMapping(entry)?.[key], path: [section, index, key] }));
  };

  const findings: Finding[] = [];
  for (const { list, path } of [...listsOf('roles', 'sees'), ...listsOf('exceptions', 'grants')]) {
    if (!Array.isArray(list)) continue;
    list.forEach((category: unknown, index) => {
      if (typeof category !== 'string' || declared.includes(category)) return;
      const at = [...path, index];
      findings.push(errorFinding('validate:visibility.unknownCategory', { category, declared: [...declared] }, { file: document.file, path: at, ...document.locate(at) }));
    });
  }
  return findings;
}
