/**
 * Eleven or more digits, each pair separated by at most one `.`, `-`, `/` or space: the plain
 * and printed forms of a Belgian national number or BIS number (`90020199605`, `90.02.01-996.05`).
 */
const nationalNumberLike = /\d(?:[.\-/\s]?\d){10,}/g;

/**
 * True when `text` contains something that looks like a national number. Access input carries
 * only pseudonyms, so such an identifier is rejected before it can reach an audit event.
 * The check runs after Unicode NFKC normalisation, so full-width digits count as digits.
 */
export function looksLikeNationalNumber(text: string): boolean {
  nationalNumberLike.lastIndex = 0;
  return nationalNumberLike.test(text.normalize('NFKC'));
}

/** Replaces every national-number-like part of `text` with asterisks, for messages and logs. */
export function maskNationalNumbers(text: string): string {
  return text.normalize('NFKC').replace(nationalNumberLike, (match) => '*'.repeat(match.length));
}
