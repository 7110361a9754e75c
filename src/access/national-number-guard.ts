/**
 * Ten or more digits, each pair separated by at most one `.`, `-`, `/` or space. This matches the
 * plain and printed forms of a Belgian national number or BIS number (`90020199605`,
 * `90.02.01-996.05`). It also matches the ten digits left when a number of someone born in
 * 2000-2009 lost its leading zero.
 */
const nationalNumberLike = /\d(?:[.\-/\s]?\d){9,}/g;

// Masking in messages needs all eleven digits, so a mistyped instant such as
// `2025-06-10 10:00` (ten digits) is still shown as written.
const fullNationalNumber = /\d(?:[.\-/\s]?\d){10,}/g;

/**
 * True when `text` contains something that looks like a national number. Access input carries
 * only pseudonyms, so such an identifier is rejected before it can reach an audit event.
 * The check runs after Unicode NFKC normalisation, so full-width digits count as digits.
 */
export function looksLikeNationalNumber(text: string): boolean {
  nationalNumberLike.lastIndex = 0;
  return nationalNumberLike.test(text.normalize('NFKC'));
}

/** Replaces every eleven-digit national number in `text`, plain or printed, with asterisks, for messages. */
export function maskNationalNumbers(text: string): string {
  return text.normalize('NFKC').replace(fullNationalNumber, (match) => '*'.repeat(match.length));
}
