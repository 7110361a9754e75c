import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addPeriod,
  ageOnDate,
  civilDateAt,
  compareCivilDates,
  formatCivilDate,
  isWithinPeriod,
  lastDayOfPeriod,
  parseCivilDate,
  parsePeriod,
  periodEndInstant,
  type CivilDate,
  type Period,
} from '../../src/periods/index.js';
import { civilDateArbitrary, periodArbitrary } from './arbitraries.js';

function date(text: string): CivilDate {
  const parsed = parseCivilDate(text);
  if (!parsed) throw new Error(`test date ${text} does not parse`);
  return parsed;
}

function period(text: string): Period {
  const parsed = parsePeriod(text);
  if (!parsed) throw new Error(`test period ${text} does not parse`);
  return parsed;
}

/** Reference for addPeriod built on Date.UTC, which applies no zone offset. */
function addPeriodWithUtc(start: CivilDate, { years = 0, months = 0, days = 0 }: Period): string {
  const firstOfMonth = new Date(Date.UTC(start.year + years, start.month - 1 + months, 1));
  const lastOfMonth = new Date(Date.UTC(firstOfMonth.getUTCFullYear(), firstOfMonth.getUTCMonth() + 1, 0));
  const day = Math.min(start.day, lastOfMonth.getUTCDate());
  const clamped = Date.UTC(firstOfMonth.getUTCFullYear(), firstOfMonth.getUTCMonth(), day);
  return new Date(clamped + days * 86_400_000).toISOString().slice(0, 10);
}

/** Reference for ageOnDate: count the (clamped) birthdays on or before the date. */
function ageByCountingBirthdays(birth: CivilDate, on: CivilDate): number {
  let age = 0;
  while (formatCivilDate(addPeriod(birth, { years: age + 1 })) <= formatCivilDate(on)) age += 1;
  return age;
}

describe('parsePeriod', () => {
  it.each([
    ['P7Y', { years: 7 }],
    ['P15M', { months: 15 }],
    ['P1M', { months: 1 }],
    ['P0D', { days: 0 }],
    ['P1Y6M', { years: 1, months: 6 }],
    ['P2Y3M10D', { years: 2, months: 3, days: 10 }],
    ['P30D', { days: 30 }],
  ])('reads %s', (text, expected) => {
    expect(parsePeriod(text)).toEqual(expected);
  });

  it.each(['', 'P', '7Y', 'P-1M', 'P1.5Y', 'P1,5Y', 'PT12H', 'P1DT2H', 'P2W', 'P1M1Y', 'p1m', ' P1M', 'P99999999999999999999Y'])(
    'rejects %j',
    (text) => {
      expect(parsePeriod(text)).toBeUndefined();
    },
  );
});

describe('dates and periods from the fault list', () => {
  it('leap day plus 7 years ends on 28 February', () => {
    const lastDay = lastDayOfPeriod(date('2024-02-29'), period('P7Y'));
    expect(formatCivilDate(lastDay)).toBe('2031-02-28');
    expect(formatCivilDate(addDays(lastDay, 1))).toBe('2031-03-01');
    expect(periodEndInstant(lastDay).toISOString()).toBe('2031-02-28T23:00:00.000Z');
    expect(formatCivilDate(civilDateAt(periodEndInstant(lastDay)))).toBe('2031-03-01');
  });

  it('15 months from 30 November end in February', () => {
    expect(formatCivilDate(lastDayOfPeriod(date('2024-11-30'), period('P15M')))).toBe('2026-02-28');
  });

  it('one month from 1 March is 1 April', () => {
    expect(formatCivilDate(addPeriod(date('2025-03-01'), period('P1M')))).toBe('2025-04-01');
  });

  it('18th birthday of a leap-day baby', () => {
    expect(ageOnDate(date('2008-02-29'), date('2026-02-28'))).toBe(18);
    expect(ageOnDate(date('2008-02-29'), date('2026-02-27'))).toBe(17);
    expect(ageOnDate(date('2008-02-29'), date('2028-02-28'))).toBe(19);
    expect(ageOnDate(date('2008-02-29'), date('2028-02-29'))).toBe(20);
  });
});

describe('addPeriod', () => {
  it.each([
    ['2025-01-31', 'P1M', '2025-02-28'],
    ['2024-01-31', 'P1M', '2024-02-29'],
    ['2025-03-31', 'P1M', '2025-04-30'],
    ['2025-08-31', 'P1M', '2025-09-30'],
    ['2025-12-31', 'P2M', '2026-02-28'],
    ['2025-01-15', 'P1M15D', '2025-03-02'],
    ['2023-02-28', 'P1Y', '2024-02-28'],
    ['2024-02-29', 'P4Y', '2028-02-29'],
    ['2024-02-29', 'P12M', '2025-02-28'],
    ['2025-06-10', 'P0D', '2025-06-10'],
  ])('%s plus %s is %s', (start, text, expected) => {
    expect(formatCivilDate(addPeriod(date(start), period(text)))).toBe(expected);
  });

  it('clamps months before adding days', () => {
    // Days last: 31 January + 1 month = 28 February, then + 1 day = 1 March.
    expect(formatCivilDate(addPeriod(date('2025-01-31'), { months: 1, days: 1 }))).toBe('2025-03-01');
  });

  it('matches a Date.UTC reference', () => {
    fc.assert(
      fc.property(civilDateArbitrary, periodArbitrary, (start, added) => {
        expect(formatCivilDate(addPeriod(start, added))).toBe(addPeriodWithUtc(start, added));
      }),
    );
  });

  it('rejects fractional parts', () => {
    expect(() => addPeriod(date('2025-01-01'), { months: 0.5 })).toThrow(RangeError);
  });
});

describe('lastDayOfPeriod and isWithinPeriod', () => {
  it.each([
    ['2024-11-30', 'P15M', '2026-02-28'],
    ['2025-01-31', 'P1M', '2025-02-28'],
    ['2024-01-31', 'P1M', '2024-02-29'],
    ['2024-02-29', 'P7Y', '2031-02-28'],
    ['2023-11-30', 'P15M', '2025-02-28'],
    ['2022-11-30', 'P15M', '2024-02-29'],
    ['2025-12-31', 'P1M', '2026-01-31'],
  ])('event %s with %s: last day %s, denied the day after', (event, text, lastDayText) => {
    const lastDay = date(lastDayText);
    expect(lastDayOfPeriod(date(event), period(text))).toEqual(lastDay);
    expect(isWithinPeriod(date(event), period(text), lastDay)).toBe(true);
    expect(isWithinPeriod(date(event), period(text), addDays(lastDay, 1))).toBe(false);
  });

  it('includes the event day itself', () => {
    expect(isWithinPeriod(date('2025-05-05'), period('P1M'), date('2025-05-05'))).toBe(true);
    expect(isWithinPeriod(date('2025-05-05'), period('P0D'), date('2025-05-05'))).toBe(true);
    expect(isWithinPeriod(date('2025-05-05'), period('P0D'), date('2025-05-06'))).toBe(false);
  });

  it('never ends before the event', () => {
    fc.assert(
      fc.property(civilDateArbitrary, periodArbitrary, (event, length) => {
        expect(compareCivilDates(lastDayOfPeriod(event, length), event)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('agrees with the last day to the day', () => {
    fc.assert(
      fc.property(civilDateArbitrary, periodArbitrary, (event, length) => {
        const lastDay = lastDayOfPeriod(event, length);
        expect(isWithinPeriod(event, length, lastDay)).toBe(true);
        expect(isWithinPeriod(event, length, addDays(lastDay, 1))).toBe(false);
        expect(isWithinPeriod(event, length, addPeriod(event, length))).toBe(true);
      }),
    );
  });

  it('ends at Brussels midnight after the last day', () => {
    fc.assert(
      fc.property(civilDateArbitrary, periodArbitrary, (event, length) => {
        const lastDay = lastDayOfPeriod(event, length);
        const end = periodEndInstant(lastDay);
        expect(civilDateAt(end)).toEqual(addDays(lastDay, 1));
        expect(civilDateAt(new Date(end.getTime() - 1))).toEqual(lastDay);
      }),
    );
  });
});

describe('periodEndInstant', () => {
  it.each([
    ['2026-02-28', '2026-02-28T23:00:00.000Z'],
    ['2025-03-29', '2025-03-29T23:00:00.000Z'],
    ['2025-03-30', '2025-03-30T22:00:00.000Z'],
    ['2025-10-25', '2025-10-25T22:00:00.000Z'],
    ['2025-10-26', '2025-10-26T23:00:00.000Z'],
  ])('after %s is %s', (lastDay, expected) => {
    expect(periodEndInstant(date(lastDay)).toISOString()).toBe(expected);
  });
});

describe('ageOnDate', () => {
  it('counts whole years on the birthday', () => {
    expect(ageOnDate(date('1990-06-15'), date('2025-06-14'))).toBe(34);
    expect(ageOnDate(date('1990-06-15'), date('2025-06-15'))).toBe(35);
  });

  it('matches counting birthdays', () => {
    const birthArbitrary = civilDateArbitrary.filter((value) => value.year <= 2150);
    fc.assert(
      fc.property(birthArbitrary, fc.integer({ min: 0, max: 60 * 366 }), (birth, daysLater) => {
        const on = addDays(birth, daysLater);
        expect(ageOnDate(birth, on)).toBe(ageByCountingBirthdays(birth, on));
      }),
    );
  });
});
