import { errorFinding, type Finding, type PathSegment } from '../findings/index.js';
import type { RuleSetCatalog, ScreeningRuleSet } from '../ruleset/index.js';
import { describeValue } from '../ruleset/index.js';
import type { SourceDocument } from '../source/index.js';
import { declinedAnswer, followUpAnswers, type AnswerSet } from './answer-set.js';
import { editDistance } from '../findings/edit-distance.js';

const topLevelFields = ['questionnaire', 'answers', 'followUps'];

/** Where findings about an answers document point: its file and, when parsed from text, positions. */
interface Locator {
  file?: string;
  at(path: PathSegment[], key?: boolean): Pick<Finding, 'file' | 'line' | 'column' | 'path'>;
}

function locatorFor(document: SourceDocument | undefined, file: string | undefined): Locator {
  return {
    file,
    at: (path, key = false) => {
      let position: { line: number; column: number } | undefined;
      if (document) position = key ? document.locateKey(path) : document.locate(path);
      return { ...(file === undefined ? {} : { file }), path, ...position };
    },
  };
}

/**
 * Checks an answers document (already parsed) against the catalog and returns the answer set
 * with the rule set it needs, or every finding. Nothing is coerced: `true`, `1`, `"Yes"` and
 * `" "` are all invalid option codes; `null` is an unanswered item.
 */
export function checkAnswers(
  data: unknown,
  catalog: RuleSetCatalog,
  source: { document?: SourceDocument; file?: string } = {},
): { answerSet?: AnswerSet; ruleSet?: ScreeningRuleSet; findings: Finding[] } {
  const locate = locatorFor(source.document, source.file ?? source.document?.file);
  const findings: Finding[] = [];

  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { findings: [errorFinding('answers.notMapping', { shape: shapeOf(data) }, locate.at([]))] };
  }
  const record = data as Record<string, unknown>;

  for (const key of Object.keys(record)) {
    if (!topLevelFields.includes(key)) findings.push(errorFinding('answers.unknownField', { field: key, allowed: topLevelFields }, locate.at([key], true)));
  }

  const ruleSet = resolveRuleSet(record['questionnaire'], catalog, locate, findings);

  const answers = record['answers'];
  if (answers === undefined) {
    findings.push(errorFinding('answers.missingAnswers', {}, locate.at([])));
  } else if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) {
    findings.push(errorFinding('answers.answersNotMapping', { value: describeValue(answers) }, locate.at(['answers'])));
  }

  const followUps = record['followUps'];
  if (followUps !== undefined && (followUps === null || typeof followUps !== 'object' || Array.isArray(followUps))) {
    findings.push(errorFinding('answers.followUpsNotMapping', { value: describeValue(followUps) }, locate.at(['followUps'])));
  }

  if (!ruleSet || findings.length > 0) return { findings };

  const answerSet: AnswerSet = {
    questionnaire: { id: ruleSet.questionnaire.id, version: ruleSet.questionnaire.version },
    answers: checkItemAnswers(answers as Record<string, unknown>, ruleSet, catalog, locate, findings),
    followUps: checkFollowUpAnswers((followUps ?? {}) as Record<string, unknown>, ruleSet, locate, findings),
  };
  if (findings.length > 0) return { findings };
  return { answerSet, ruleSet, findings };
}

function resolveRuleSet(reference: unknown, catalog: RuleSetCatalog, locate: Locator, findings: Finding[]): ScreeningRuleSet | undefined {
  const known = [...catalog.screenings.keys()];
  if (reference === undefined) {
    findings.push(errorFinding('answers.missingQuestionnaire', { known }, locate.at([])));
    return undefined;
  }
  const match = typeof reference === 'string' ? /^([^@\s]+)@([^@\s]+)$/.exec(reference.trim()) : null;
  if (!match) {
    findings.push(errorFinding('answers.badQuestionnaireReference', { value: describeValue(reference), known }, locate.at(['questionnaire'])));
    return undefined;
  }
  const [, id, version] = match as unknown as [string, string, string];
  const ruleSet = catalog.screenings.get(`${id}@${version}`);
  if (ruleSet) return ruleSet;

  const versions = known.filter((candidate) => candidate.startsWith(`${id}@`)).map((candidate) => candidate.slice(id.length + 1));
  if (versions.length > 0) {
    findings.push(errorFinding('answers.unknownVersion', { id, version, versions }, locate.at(['questionnaire'])));
  } else {
    findings.push(errorFinding('answers.unknownQuestionnaire', { id, known }, locate.at(['questionnaire'])));
  }
  return undefined;
}

function checkItemAnswers(
  answers: Record<string, unknown>,
  ruleSet: ScreeningRuleSet,
  catalog: RuleSetCatalog,
  locate: Locator,
  findings: Finding[],
): Record<string, string> {
  const items = new Map(ruleSet.questionnaire.items.map((item) => [item.id, item]));
  const checked: Record<string, string> = {};
  const questionnaireId = ruleSet.questionnaire.id;

  for (const [itemId, value] of Object.entries(answers)) {
    const path: PathSegment[] = ['answers', itemId];
    const item = items.get(itemId);
    if (!item) {
      const versions = [...catalog.questionnaires.values()]
        .filter((questionnaire) => questionnaire.id === questionnaireId && questionnaire.items.some((candidate) => candidate.id === itemId))
        .map((questionnaire) => questionnaire.version);
      if (versions.length > 0) {
        findings.push(errorFinding('answers.itemNotInVersion', { item: itemId, version: ruleSet.questionnaire.version, versions }, locate.at(path, true)));
      } else {
        const suggestion = closestId(itemId, [...items.keys()]);
        findings.push(
          errorFinding(
            suggestion ? 'answers.unknownItemSuggestion' : 'answers.unknownItem',
            { item: itemId, suggestion: suggestion ?? '', questionnaire: `${questionnaireId}@${ruleSet.questionnaire.version}` },
            locate.at(path, true),
          ),
        );
      }
      continue;
    }

    // An item written without a value (`item:`), or undefined from a host, is unanswered, never a zero.
    if (value === null || value === undefined) continue;

    const allowed = [...item.options, declinedAnswer];
    const code = checkCode(value, allowed, { item: itemId }, locate.at(path), findings);
    if (code !== undefined) checked[itemId] = code;
  }
  return checked;
}

function checkFollowUpAnswers(
  followUps: Record<string, unknown>,
  ruleSet: ScreeningRuleSet,
  locate: Locator,
  findings: Finding[],
): Record<string, string> {
  const questions = ruleSet.carePaths.flatMap((carePath) => carePath.followUps.map((followUp) => followUp.id));
  const checked: Record<string, string> = {};
  for (const [question, value] of Object.entries(followUps)) {
    const path: PathSegment[] = ['followUps', question];
    if (!questions.includes(question)) {
      findings.push(errorFinding('answers.unknownFollowUp', { question, allowed: questions }, locate.at(path, true)));
      continue;
    }
    if (value === null || value === undefined) continue;
    const code = checkCode(value, followUpAnswers, { item: question }, locate.at(path), findings);
    if (code !== undefined) checked[question] = code;
  }
  return checked;
}

/** Accepts only an exact option code; explains the mistake otherwise. */
function checkCode(
  value: unknown,
  allowed: readonly string[],
  params: { item: string },
  where: Pick<Finding, 'file' | 'line' | 'column' | 'path'>,
  findings: Finding[],
): string | undefined {
  if (typeof value !== 'string') {
    findings.push(errorFinding('answers.notACode', { ...params, value: describeValue(value), type: shapeOf(value), allowed: [...allowed] }, where));
    return undefined;
  }
  if (allowed.includes(value)) return value;

  if (value.trim() === '') {
    findings.push(errorFinding('answers.blankCode', { ...params, allowed: [...allowed] }, where));
    return undefined;
  }
  if (allowed.includes(value.trim())) {
    findings.push(errorFinding('answers.spacesAround', { ...params, value, expected: value.trim() }, where));
    return undefined;
  }
  const sameLetters = allowed.find((option) => option.toLowerCase() === value.trim().toLowerCase());
  if (sameLetters) {
    findings.push(errorFinding('answers.wrongCase', { ...params, value, expected: sameLetters, allowed: [...allowed] }, where));
  } else {
    findings.push(errorFinding('answers.unknownOption', { ...params, value, allowed: [...allowed] }, where));
  }
  return undefined;
}

/** Names the shape of a parsed value with a token of `findings:shapes` (`list`, `mapping`, `nothing`, `number`, ...). */
function shapeOf(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'mapping';
  return typeof value;
}

/** Finds the known id closest to `id` by edit distance, when it is close enough to be a typo. */
function closestId(id: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(id.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(id, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
