import fc from 'fast-check';

/**
 * Builds synthetic national register or BIS numbers with the right check digits, so tests
 * never need a number that belongs to a person.
 */
export function buildNumber(parts: { year: number; monthField: number; day: number; counter: number }): string {
  const yearDigits = parts.year % 100;
  const firstNine = `${pad(yearDigits, 2)}${pad(parts.monthField, 2)}${pad(parts.day, 2)}${pad(parts.counter, 3)}`;
  const base = Number(firstNine) + (parts.year >= 2000 ? 2_000_000_000 : 0);
  return firstNine + pad(97 - (base % 97), 2);
}

export function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A real birth date between 1900 and 2025 with a national-number counter 001-998. */
export const nationalNumberPartsArbitrary = fc
  .record({
    year: fc.integer({ min: 1900, max: 2025 }),
    month: fc.integer({ min: 1, max: 12 }),
    dayFraction: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
    counter: fc.integer({ min: 1, max: 998 }),
  })
  .map(({ year, month, dayFraction, counter }) => ({
    year,
    month,
    day: 1 + Math.floor(dayFraction * daysIn(year, month)),
    counter,
  }));
