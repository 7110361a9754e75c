/**
 * Check characters over a 32-symbol alphabet, after H. M. Damm's scheme ("Total
 * anti-symmetrische Quasigruppen", 2004): the quasigroup is `x ∘ y = a·x + y` in the
 * field with 32 elements, a ≠ 0 and a ≠ 1. Each row of the operation is a permutation, so
 * any single changed symbol changes the result. `(c∘x)∘y = (c∘y)∘x` only when
 * `(a + 1)(x + y) = 0`, which means x = y, so any swap of two different neighbours
 * changes it too.
 *
 * Two check symbols are appended, each with its own multiplier: the first makes the Damm
 * sum of the payload and itself zero, the second that of everything before it and itself.
 * Every single error and neighbour swap is caught by one of the two sums, and a random
 * wrong code passes both with a probability of about 1 in 1024.
 */

/** The field GF(2^5) built on the primitive polynomial x^5 + x^2 + 1. */
const fieldPolynomial = 0b100101;
const multipliers = [2, 3] as const;

/** Multiplies two elements of GF(32): carry-less multiplication, reduced by the field polynomial. */
function multiply(left: number, right: number): number {
  let product = 0;
  let shifted = left;
  for (let bits = right; bits > 0; bits >>= 1) {
    if (bits & 1) product ^= shifted;
    shifted <<= 1;
    if (shifted & 0b100000) shifted ^= fieldPolynomial;
  }
  return product;
}

/** Folds a sequence of symbol values (0-31) with the quasigroup of multiplier `a`, from 0. */
function dammSum(values: readonly number[], multiplier: number): number {
  let interim = 0;
  for (const value of values) interim = multiply(multiplier, interim) ^ value;
  return interim;
}

/** Computes the two check symbols (0-31) for payload symbols (0-31). */
export function computeCheckSymbols(payload: readonly number[]): [number, number] {
  const first = multiply(multipliers[0], dammSum(payload, multipliers[0]));
  const second = multiply(multipliers[1], dammSum([...payload, first], multipliers[1]));
  return [first, second];
}

/** Checks whether the last two symbols of `symbols` are the right check symbols for the ones before them. */
export function hasValidCheckSymbols(symbols: readonly number[]): boolean {
  if (symbols.length < 3) return false;
  return dammSum(symbols.slice(0, -1), multipliers[0]) === 0 && dammSum(symbols, multipliers[1]) === 0;
}
