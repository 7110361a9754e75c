import { createHmac } from 'node:crypto';
import type { CivilDate } from '../periods/index.js';
import { checkNationalNumber, normalizeNationalNumber, type NationalNumberKind, type NationalNumberProblem } from './national-number.js';
import { requireKey, type PseudonymKey } from './pseudonym-key.js';

/**
 * Keyed one-way pseudonyms: HMAC-SHA-256 with the host's secret key. A plain SHA-256 of a
 * national number is no pseudonym, because one birth date has only about a thousand
 * candidate numbers and all of them are hashed in milliseconds. Without the key, the same
 * enumeration finds nothing.
 */

/**
 * The use a pseudonym serves. The label is part of the HMAC input, so the same key gives
 * unrelated values in different uses, and a value of one use never matches another.
 */
export type PseudonymDomain = 'person-number' | 'alternative-number';

/** The version of the pseudonym format, written first in every pseudonym. */
export const pseudonymFormatVersion = 'v1';

/**
 * Computes `v1:<keyId>:<digest>`, the digest being the HMAC-SHA-256 of the domain label and
 * `value` in lowercase base32 without padding (52 characters). `value` must already be
 * normalised; callers use the functions below.
 */
export function computePseudonym(value: string, domain: PseudonymDomain, key: PseudonymKey): string {
  const digest = createHmac('sha256', requireKey(key).secret)
    .update(`bib-core/${pseudonymFormatVersion}/${domain}\u0000${value}`, 'utf8')
    .digest();
  return `${pseudonymFormatVersion}:${key.id}:${encodeBase32(digest)}`;
}

export type NumberPseudonymResult =
  | { valid: true; kind: NationalNumberKind; pseudonym: string }
  | { valid: false; problems: NationalNumberProblem[] };

/**
 * Pseudonymises a national register or BIS number after validating it against `today`.
 * Printed forms (`90.02.01-996.05`) and the bare digits give the same pseudonym.
 * Throws InputError when no key is given.
 */
export function pseudonymizeNationalNumber(
  number: string,
  options: { key: PseudonymKey; today: CivilDate },
): NumberPseudonymResult {
  const key = requireKey(options.key);
  const check = checkNationalNumber(number, options.today);
  if (!check.valid) return check;

  const digits = normalizeNationalNumber(number)!;
  return { valid: true, kind: check.kind, pseudonym: computePseudonym(digits, 'person-number', key) };
}

const base32Alphabet = 'abcdefghijklmnopqrstuvwxyz234567';

/** Encodes bytes as RFC 4648 base32, lowercase and without padding. */
export function encodeBase32(bytes: Uint8Array): string {
  let text = '';
  let buffer = 0;
  let bitCount = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bitCount += 8;
    while (bitCount >= 5) {
      bitCount -= 5;
      text += base32Alphabet[(buffer >> bitCount) & 31];
    }
    buffer &= (1 << bitCount) - 1;
  }
  if (bitCount > 0) text += base32Alphabet[(buffer << (5 - bitCount)) & 31];
  return text;
}
