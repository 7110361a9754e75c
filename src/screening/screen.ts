import { InputError } from '../findings/index.js';
import { loadShippedCatalog, type RuleSetCatalog, type ScreeningRuleSet } from '../ruleset/index.js';
import { parseYamlText, readYamlFile, type SourceDocument } from '../source/index.js';
import type { AnswerSet } from './answer-set.js';
import { checkAnswers } from './answers-check.js';
import { evaluateScreening } from './evaluate.js';
import type { ScreeningResult } from './result.js';

/** A checked answer set together with the rule set that screens it. */
export interface PreparedAnswers {
  answerSet: AnswerSet;
  ruleSet: ScreeningRuleSet;
}

function prepare(data: unknown, catalog: RuleSetCatalog, document?: SourceDocument, file?: string): PreparedAnswers {
  const { answerSet, ruleSet, findings } = checkAnswers(data, catalog, { ...(document ? { document } : {}), ...(file ? { file } : {}) });
  if (!answerSet || !ruleSet) throw new InputError(findings);
  return { answerSet, ruleSet };
}

/**
 * Reads an answers file (YAML or JSON) and checks it against the catalog. Throws InputError
 * with every finding, each with the file, line and column, when it is invalid.
 */
export async function readAnswersFile(file: string, catalog: RuleSetCatalog): Promise<PreparedAnswers> {
  const parsed = await readYamlFile(file);
  if (!parsed.ok) throw new InputError(parsed.findings);
  return prepare(parsed.document.data, catalog, parsed.document, file);
}

/** Parses answers from YAML or JSON text; `file` names the source in findings. */
export function parseAnswersText(text: string, file: string, catalog: RuleSetCatalog): PreparedAnswers {
  const parsed = parseYamlText(text, file);
  if (!parsed.ok) throw new InputError(parsed.findings);
  return prepare(parsed.document.data, catalog, parsed.document, file);
}

/** Checks answers given as a plain object (the public answers format) against the catalog. */
export function prepareAnswers(data: unknown, catalog: RuleSetCatalog): PreparedAnswers {
  return prepare(data, catalog);
}

/**
 * Screens answers in the public format (`questionnaire`, `answers`, `followUps`) with the
 * shipped rule sets, or with `options.catalog`. Throws InputError for invalid answers.
 */
export async function screen(data: unknown, options: { catalog?: RuleSetCatalog } = {}): Promise<ScreeningResult> {
  const catalog = options.catalog ?? (await loadShippedCatalog());
  const { answerSet, ruleSet } = prepare(data, catalog);
  return evaluateScreening(ruleSet, answerSet);
}
