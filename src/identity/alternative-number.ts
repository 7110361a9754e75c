import { createHmac } from 'node:crypto';
import type { CivilDate } from '../periods/index.js';
import type { Finding } from '../findings/index.js';
import type { SourceDocument } from '../source/index.js';
import { normalizeAlternativeAnswers, type NormalizedAnswers } from './alternative-answers.js';
import type { AlternativeNumberRules } from './alternative-rules.js';
import { computeCheckSymbols, hasValidCheckSymbols } from './check-characters.js';
import { computePseudonym } from './pseudonym.js';
import { requireKey, type PseudonymKey } from './pseudonym-key.js';

/**
 * The alternative number (BIBNR): a short code derived from a woman's answers to four
 * stable questions (birth date, country of birth, first name, family name at birth),
 * keyed with the host's secret like the pseudonym.
 *
 * Identical answers give identical codes, so two women who give the same answers get the
 * same code. bib-core cannot tell them apart. The host must detect that collision when it
 * opens a dossier with a code that already has one, for example by comparing the
 * identification data of the existing dossier with hers before showing anything. To help,
 * every derivation returns the normalised answers it used, so the host can show what was
 * compared. Changing the host key, or the rule file's domain, questions or normalisation,
 * changes every code.
 */
export interface AlternativeNumber {
  /** The printed code, for example `7KQ2-M9XD-4TAZ`. */
  code: string;
  /** The answers exactly as hashed, by question id. Personal data: show them, never log them. */
  normalizedAnswers: NormalizedAnswers;
  rules: { id: string; version: string };
}

export type AlternativeNumberOutcome = { ok: true; value: AlternativeNumber } | { ok: false; findings: Finding[] };

/**
 * Derives the alternative number from her answers. `today` rejects a birth date in the
 * future. Throws InputError when no key is given; returns findings for invalid answers.
 */
export function deriveAlternativeNumber(
  answers: unknown,
  options: { rules: AlternativeNumberRules; key: PseudonymKey; today: CivilDate; document?: SourceDocument },
): AlternativeNumberOutcome {
  const key = requireKey(options.key);
  const { rules } = options;
  const normalized = normalizeAlternativeAnswers(answers, rules, options.today, options.document);
  if (!normalized.ok) return normalized;

  // JSON of the answers in question order: unambiguous, whatever characters the names contain.
  const values = rules.questions.map((question) => normalized.answers[question.id]);
  const digest = createHmac('sha256', key.secret)
    .update(`bib-core/${rules.domain}\u0000${JSON.stringify(values)}`, 'utf8')
    .digest();

  const payload = readFiveBitSymbols(digest, rules.code.payloadLength);
  const symbols = [...payload, ...computeCheckSymbols(payload)];
  return {
    ok: true,
    value: {
      code: formatCode(symbols, rules),
      normalizedAnswers: normalized.answers,
      rules: { id: rules.id, version: rules.version },
    },
  };
}

/** Why a typed code is not an alternative number; each has a text under `identity:alternativeCode.<reason>`. */
export type AlternativeCodeReason = 'wrongLength' | 'unknownCharacter' | 'badCheck';

export type AlternativeCodeCheck =
  | { valid: true; code: string }
  | { valid: false; reason: AlternativeCodeReason; code: string; params: Record<string, string | number> };

/**
 * Checks a typed code without the key: the characters and the two check characters. Case,
 * spaces and separators do not matter, and the rule file's look-alikes (O for 0) are
 * accepted. Any single mistyped character and any swap of two neighbours is rejected.
 * Returns the code in its printed form when it is valid.
 */
export function verifyAlternativeNumber(typed: string, rules: AlternativeNumberRules): AlternativeCodeCheck {
  const { alphabet, aliases, payloadLength, separator } = rules.code;
  const expectedLength = payloadLength + 2;
  const compact = typed.normalize('NFKC').toUpperCase().replace(/\s+/g, '').replaceAll(separator || ' ', '');

  const symbols: number[] = [];
  for (const character of compact) {
    const index = alphabet.indexOf(aliases[character] ?? character);
    if (index < 0) {
      const reason = 'unknownCharacter';
      return { valid: false, reason, code: `identity:alternativeCode.${reason}`, params: { character: character, alphabet } };
    }
    symbols.push(index);
  }

  if (symbols.length !== expectedLength) {
    const reason = 'wrongLength';
    return { valid: false, reason, code: `identity:alternativeCode.${reason}`, params: { expected: expectedLength, actual: symbols.length } };
  }
  if (!hasValidCheckSymbols(symbols)) {
    const reason = 'badCheck';
    return { valid: false, reason, code: `identity:alternativeCode.${reason}`, params: {} };
  }
  return { valid: true, code: formatCode(symbols, rules) };
}

/**
 * Pseudonymises a valid alternative number for use as the dossier key, in the same way as
 * a national number but under its own domain label. Returns undefined for an invalid code.
 */
export function pseudonymizeAlternativeNumber(typed: string, options: { rules: AlternativeNumberRules; key: PseudonymKey }): string | undefined {
  const key = requireKey(options.key);
  const check = verifyAlternativeNumber(typed, options.rules);
  if (!check.valid) return undefined;
  return computePseudonym(check.code, 'alternative-number', key);
}

/** Reads `count` symbols of 5 bits each from the start of `bytes`, most significant bit first. */
function readFiveBitSymbols(bytes: Uint8Array, count: number): number[] {
  const symbols: number[] = [];
  for (let index = 0; index < count; index++) {
    let symbol = 0;
    for (let bit = index * 5; bit < index * 5 + 5; bit++) {
      const byte = bytes[bit >> 3]!;
      symbol = (symbol << 1) | ((byte >> (7 - (bit & 7))) & 1);
    }
    symbols.push(symbol);
  }
  return symbols;
}

/** Writes symbols with the rule file's alphabet, in groups joined by its separator. */
export function formatCode(symbols: readonly number[], rules: AlternativeNumberRules): string {
  const text = symbols.map((symbol) => rules.code.alphabet[symbol]).join('');
  const groups: string[] = [];
  for (let start = 0; start < text.length; start += rules.code.groupSize) {
    groups.push(text.slice(start, start + rules.code.groupSize));
  }
  return groups.join(rules.code.separator);
}
