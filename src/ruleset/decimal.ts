import type { Hundredths } from './types.js';

const decimalPattern = /^-?\d+(\.\d{1,2})?$/;

/**
 * Converts a number read from YAML to exact hundredths, or undefined when it has more than two
 * decimal places. The shortest decimal form of a double (`String(0.7)` is "0.7") is the text the
 * author wrote, so reading it digit by digit is exact.
 */
export function toHundredths(value: number): Hundredths | undefined {
  if (!Number.isFinite(value)) return undefined;
  const text = String(value);
  if (!decimalPattern.test(text)) return undefined;
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  const hundredths = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return negative ? -hundredths : hundredths;
}

/** Converts hundredths back to a JSON number: 250 becomes 2.5, exactly as written. */
export function fromHundredths(value: Hundredths): number {
  return value / 100;
}
