import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareCivilDates,
  daysInMonth,
  formatCivilDate,
  lastDayOfPreviousMonth,
  parseCivilDate,
  type CivilDate,
} from '../../src/periods/index.js';
import { civilDateArbitrary } from './arbitraries.js';

function date(text: string): CivilDate {
  const parsed = parseCivilDate(text);
  if (!parsed) throw new Error(`test date ${text} does not parse`);
  return parsed;
}

/** Reference for day arithmetic: Date.UTC never applies a zone offset, so it is a safe oracle. */
function addDaysWithUtc(start: CivilDate, days: number): string {
  const epoch = Date.UTC(start.year, start.month - 1, start.day) + days * 86_400_000;
  return new Date(epoch).toISOString().slice(0, 10);
}

describe('parseCivilDate', () => {
  it('reads a strict ISO date', () => {
    expect(parseCivilDate('2025-02-28')).toEqual({ year: 2025, month: 2, day: 28 });
    expect(parseCivilDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it.each([
    ['2025-02-30', 'a day after the month end'],
    ['2025-02-29', 'a leap day in a common year'],
    ['1900-02-29', 'a leap day in a century year'],
    ['2025-13-01', 'month 13'],
    ['2025-00-10', 'month 0'],
    ['2025-04-31', '31 April'],
    ['2025-01-00', 'day 0'],
    ['25/02/2025', 'a Belgian written form'],
    ['2025-2-5', 'missing leading zeros'],
    ['2025-02-05T00:00:00Z', 'a timestamp'],
    [' 2025-02-05', 'a leading space'],
    ['2025-02-05\n', 'a trailing newline'],
    ['', 'an empty string'],
  ])('rejects %s (%s)', (text) => {
    expect(parseCivilDate(text)).toBeUndefined();
  });

  it('accepts 29 February in 2000', () => {
    expect(parseCivilDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
  });

  it('round-trips through formatCivilDate', () => {
    fc.assert(
      fc.property(civilDateArbitrary, (value) => {
        expect(parseCivilDate(formatCivilDate(value))).toEqual(value);
      }),
    );
  });
});

describe('formatCivilDate', () => {
  it('pads months, days and years', () => {
    expect(formatCivilDate({ year: 2025, month: 3, day: 1 })).toBe('2025-03-01');
    expect(formatCivilDate({ year: 987, month: 12, day: 31 })).toBe('0987-12-31');
  });
});

describe('compareCivilDates', () => {
  it('orders by year, month, then day', () => {
    expect(compareCivilDates(date('2025-01-31'), date('2025-02-01'))).toBeLessThan(0);
    expect(compareCivilDates(date('2025-02-01'), date('2025-02-01'))).toBe(0);
    expect(compareCivilDates(date('2026-01-01'), date('2025-12-31'))).toBeGreaterThan(0);
  });

  it('agrees with string order of the ISO form', () => {
    fc.assert(
      fc.property(civilDateArbitrary, civilDateArbitrary, (a, b) => {
        const byText = formatCivilDate(a).localeCompare(formatCivilDate(b));
        expect(Math.sign(compareCivilDates(a, b))).toBe(Math.sign(byText));
      }),
    );
  });
});

describe('addDays', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2025-03-29', 1, '2025-03-30'],
    ['2025-10-25', 1, '2025-10-26'],
    ['2000-02-28', 366, '2001-02-28'],
  ])('%s plus %i days is %s', (start, days, expected) => {
    expect(formatCivilDate(addDays(date(start), days))).toBe(expected);
  });

  it('matches UTC day arithmetic', () => {
    fc.assert(
      fc.property(civilDateArbitrary, fc.integer({ min: -40_000, max: 40_000 }), (start, days) => {
        expect(formatCivilDate(addDays(start, days))).toBe(addDaysWithUtc(start, days));
      }),
    );
  });

  it('undoes itself with the opposite count', () => {
    fc.assert(
      fc.property(civilDateArbitrary, fc.integer({ min: -40_000, max: 40_000 }), (start, days) => {
        expect(addDays(addDays(start, days), -days)).toEqual(start);
      }),
    );
  });

  it('rejects a fractional day count', () => {
    expect(() => addDays(date('2025-01-01'), 1.5)).toThrow(RangeError);
  });
});

describe('lastDayOfPreviousMonth', () => {
  it('takes the month end after stepping back', () => {
    expect(formatCivilDate(lastDayOfPreviousMonth(date('2021-09-25')))).toBe('2021-08-31');
  });

  it.each([
    ['2024-03-31', '2024-02-29'],
    ['2025-03-15', '2025-02-28'],
    ['2025-01-10', '2024-12-31'],
    ['2025-05-31', '2025-04-30'],
  ])('before %s is %s', (start, expected) => {
    expect(formatCivilDate(lastDayOfPreviousMonth(date(start)))).toBe(expected);
  });
});

describe('daysInMonth', () => {
  it('counts leap Februaries', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });
});
