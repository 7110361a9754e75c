import { errorFinding, type Finding } from '../findings/index.js';
import { describeValue } from '../ruleset/index.js';
import type { KindCheck } from './kind-check.js';
import { accessRulesCheck, alternativeNumberRulesCheck, retentionRulesCheck } from './module-kinds.js';
import { topLevelMapping, type RuleDocument } from './rule-documents.js';
import { ruleTestsCheck } from './rule-tests-kind.js';
import { screeningCheck } from './screening-kinds.js';
import { visibilityRulesCheck } from './visibility-kind.js';
import { editDistance } from '../findings/edit-distance.js';

/** Every kind of rule file that bib-core reads, in the order their checks run. */
export const kindChecks: readonly KindCheck[] = [
  screeningCheck,
  visibilityRulesCheck,
  accessRulesCheck,
  retentionRulesCheck,
  alternativeNumberRulesCheck,
  ruleTestsCheck,
];

export const knownKinds: readonly string[] = kindChecks.flatMap((check) => check.kinds);

/** Runs the check of every known kind over the documents of that kind. */
export async function knownKindFindings(documents: readonly RuleDocument[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const check of kindChecks) {
    const ofKind = documents.filter((document) => document.kind !== undefined && check.kinds.includes(document.kind));
    if (ofKind.length > 0) findings.push(...(await check.run(ofKind, documents)));
  }
  return findings;
}

export function isKnownKind(kind: string | undefined): boolean {
  return kind !== undefined && knownKinds.includes(kind);
}

/**
 * Reports a document whose `kind` is missing or names no kind of rule file: nothing in
 * bib-core would read it, so none of its content was checked. An answers file (with
 * `questionnaire` and `answers` but no kind) gets its own message.
 */
export function unknownKindFinding({ file, document }: RuleDocument): Finding {
  const known = [...knownKinds];
  const mapping = topLevelMapping(document.data);

  if (mapping === undefined || !('kind' in mapping)) {
    const where = { file, path: [], ...document.locate([]) };
    const looksLikeAnswers = mapping !== undefined && 'answers' in mapping && 'questionnaire' in mapping;
    return errorFinding(looksLikeAnswers ? 'validate:kind.answersFile' : 'validate:kind.missing', { known }, where);
  }

  const value = mapping['kind'];
  const where = { file, path: ['kind'], ...document.locate(['kind']) };
  const suggestion = typeof value === 'string' ? closestKind(value) : undefined;
  if (suggestion !== undefined) return errorFinding('validate:kind.unknownSimilar', { value: describeValue(value), suggestion, known }, where);
  return errorFinding('validate:kind.unknown', { value: describeValue(value), known }, where);
}

/**
 * Finds the known kind that `value` most likely misspells: the same letters in another case,
 * or at most two letters added, dropped or changed. Returns undefined when none is that close.
 */
function closestKind(value: string): string | undefined {
  let best: { kind: string; distance: number } | undefined;
  for (const kind of knownKinds) {
    const distance = editDistance(value.toLowerCase(), kind.toLowerCase());
    if (distance <= 2 && (best === undefined || distance < best.distance)) best = { kind, distance };
  }
  return best?.kind;
}
