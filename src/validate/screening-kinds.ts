import { errorFinding, type Finding } from '../findings/index.js';
import { loadCatalog } from '../ruleset/index.js';
import type { KindCheck } from './kind-check.js';
import type { RuleDocument } from './rule-documents.js';

/**
 * Questionnaires and screening rules, checked together by the screening loader: the schema,
 * every semantic check and the texts in each language, because rules are checked against the
 * questionnaire they refer to.
 */
export const screeningCheck: KindCheck = {
  kinds: ['Questionnaire', 'ScreeningRules'],
  async run(documents) {
    const { findings } = await loadCatalog(documents.map((document) => document.file));
    return findings.map((finding) => explainMissingQuestionnaire(finding, documents));
  },
};

/**
 * Rewrites "there is no questionnaire X" when no questionnaire file at all was given, which
 * is what happens when `bib validate` gets a rules file alone: the questionnaire is not
 * missing from the project, only from the paths.
 */
function explainMissingQuestionnaire(finding: Finding, documents: readonly RuleDocument[]): Finding {
  if (finding.code !== 'rules.unknownQuestionnaire') return finding;
  if (documents.some((document) => document.kind === 'Questionnaire')) return finding;

  const { severity, code, params, ...where } = finding;
  return errorFinding('validate:questionnaireNotGiven', { reference: String(params['reference']) }, where);
}
