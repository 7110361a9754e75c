import type { CivilDate } from '../periods/index.js';
import { errorFinding, type Finding } from '../findings/index.js';
import { verifyAlternativeNumber } from './alternative-number.js';
import type { AlternativeNumberRules } from './alternative-rules.js';
import { checkNationalNumber, normalizeNationalNumber } from './national-number.js';
import { computePseudonym } from './pseudonym.js';
import { requireKey, type PseudonymKey } from './pseudonym-key.js';

/** The identifier a woman was known by before she presented a national register number. */
export type PreviousIdentifier = { bisNumber: string } | { alternativeNumber: string };

/** The reason two dossier keys belong to the same woman. */
export type LinkReason = 'bis_number_replaced' | 'alternative_number_replaced';

/**
 * A link between two dossier keys. It holds only pseudonyms, never a number, so a host may
 * store it next to the dossiers.
 */
export interface IdentityLink {
  reason: LinkReason;
  /** The pseudonym of the BIS number or alternative number. */
  from: string;
  /** The pseudonym of the national register number. */
  to: string;
}

export type LinkOutcome = { ok: true; link: IdentityLink } | { ok: false; findings: Finding[] };

/**
 * Links the dossier key of a BIS number or alternative number to the dossier key of the
 * national register number she now presents. Both identifiers are read once, validated and
 * turned into pseudonyms; neither is kept. The previous identifier must be a BIS number or
 * a valid alternative number, and the new one a national register number (not a BIS number).
 * Throws InputError when no key is given.
 */
export function linkToNationalNumber(
  previous: PreviousIdentifier,
  nationalNumber: string,
  options: { key: PseudonymKey; today: CivilDate; rules?: AlternativeNumberRules },
): LinkOutcome {
  const key = requireKey(options.key);
  const findings: Finding[] = [];

  const from = previousPseudonym(previous, options, key, findings);

  let to: string | undefined;
  const current = checkNationalNumber(nationalNumber, options.today);
  if (!current.valid) {
    for (const problem of current.problems) findings.push(errorFinding(problem.code, problem.params, { path: ['nationalNumber'] }));
  } else if (current.kind !== 'national_number') {
    findings.push(errorFinding('identity:link.currentNotNational', {}, { path: ['nationalNumber'] }));
  } else {
    to = computePseudonym(normalizeNationalNumber(nationalNumber)!, 'person-number', key);
  }

  if (findings.length > 0 || from === undefined || to === undefined) return { ok: false, findings };
  const reason: LinkReason = 'bisNumber' in previous ? 'bis_number_replaced' : 'alternative_number_replaced';
  return { ok: true, link: { reason, from, to } };
}

function previousPseudonym(
  previous: PreviousIdentifier,
  options: { today: CivilDate; rules?: AlternativeNumberRules },
  key: PseudonymKey,
  findings: Finding[],
): string | undefined {
  if ('bisNumber' in previous) {
    const check = checkNationalNumber(previous.bisNumber, options.today);
    if (!check.valid) {
      for (const problem of check.problems) findings.push(errorFinding(problem.code, problem.params, { path: ['bisNumber'] }));
      return undefined;
    }
    if (check.kind !== 'bis') {
      findings.push(errorFinding('identity:link.previousNotBis', {}, { path: ['bisNumber'] }));
      return undefined;
    }
    return computePseudonym(normalizeNationalNumber(previous.bisNumber)!, 'person-number', key);
  }

  if (!options.rules) {
    findings.push(errorFinding('identity:link.rulesMissing', {}, { path: ['alternativeNumber'] }));
    return undefined;
  }
  const check = verifyAlternativeNumber(previous.alternativeNumber, options.rules);
  if (!check.valid) {
    findings.push(errorFinding(check.code, check.params, { path: ['alternativeNumber'] }));
    return undefined;
  }
  return computePseudonym(check.code, 'alternative-number', key);
}
