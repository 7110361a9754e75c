import { errorFinding, warningFinding, type Finding } from '../findings/index.js';
import { checkAgainstSchema, loadCatalog, type RuleSetCatalog } from '../ruleset/index.js';
import { loadRuleTests } from '../ruletest/index.js';
import type { KindCheck } from './kind-check.js';
import type { RuleDocument } from './rule-documents.js';

/**
 * Rule tests, checked by the rule-test loader against the rule set they test: answers against
 * the questionnaire, expected indicators, care paths, priorities and actions against the
 * rules. That rule set must be among the given files. It is loaded on its own, so an error in
 * another version's rules does not stop these cases from being checked.
 */
export const ruleTestsCheck: KindCheck = {
  kinds: ['RuleTests'],
  async run(documents, all) {
    const catalogs = new Map<string, Promise<RuleSetCatalog | undefined>>();
    const findings: Finding[] = [];

    for (const test of documents) {
      const reference = test.questionnaire;
      const schemaFindings = checkAgainstSchema(test.document, 'rule-tests-1');
      if (reference === undefined || schemaFindings.length > 0) {
        findings.push(...schemaFindings);
        continue;
      }

      const sources = ruleSetFiles(reference, all);
      if (sources === undefined) {
        findings.push(errorFinding('validate:ruletest.ruleSetNotGiven', { reference }, where(test)));
        continue;
      }

      if (!catalogs.has(reference)) catalogs.set(reference, loadCatalog(sources).then(({ catalog }) => catalog));
      const catalog = await catalogs.get(reference)!;
      if (catalog?.screenings.has(reference)) findings.push(...(await loadRuleTests([test.file], catalog)).findings);
      else findings.push(warningFinding('validate:ruletest.ruleSetInvalid', { reference }, where(test)));
    }
    return findings;
  },
};

/** Lists the files of the questionnaire `reference` and of its screening rules, or undefined when either was not given. */
function ruleSetFiles(reference: string, all: readonly RuleDocument[]): string[] | undefined {
  const questionnaires = all.filter((document) => document.kind === 'Questionnaire' && `${document.id}@${document.version}` === reference);
  const rules = all.filter((document) => document.kind === 'ScreeningRules' && document.questionnaire === reference);
  if (questionnaires.length === 0 || rules.length === 0) return undefined;
  return [...questionnaires, ...rules].map((document) => document.file);
}

function where({ file, document }: RuleDocument): Pick<Finding, 'file' | 'path' | 'line' | 'column'> {
  return { file, path: ['questionnaire'], ...document.locate(['questionnaire']) };
}
