import fc from 'fast-check';
import { daysInMonth, type CivilDate, type Period } from '../../src/periods/index.js';

/** Any real date from 1900 to 2200, with month ends and leap days drawn often. */
export const civilDateArbitrary: fc.Arbitrary<CivilDate> = fc
  .record({
    year: fc.integer({ min: 1900, max: 2200 }),
    month: fc.integer({ min: 1, max: 12 }),
    dayChoice: fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constant(31), fc.constant(29)),
  })
  .map(({ year, month, dayChoice }) => ({ year, month, day: Math.min(dayChoice, daysInMonth(year, month)) }));

/** Periods as the rule files write them: years, months or days, or a mix. */
export const periodArbitrary: fc.Arbitrary<Period> = fc.oneof(
  fc.record({ years: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ months: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ days: fc.integer({ min: 0, max: 1000 }) }),
  fc.record(
    { years: fc.integer({ min: 0, max: 10 }), months: fc.integer({ min: 0, max: 24 }), days: fc.integer({ min: 0, max: 60 }) },
    { requiredKeys: [] },
  ),
);

/** Instants from 1970 to 2100, including those near the daylight saving changes. */
export const instantArbitrary: fc.Arbitrary<Date> = fc.oneof(
  fc.integer({ min: 0, max: 4_102_444_800_000 }).map((epoch) => new Date(epoch)),
  fc
    .record({
      year: fc.integer({ min: 1996, max: 2090 }),
      autumn: fc.boolean(),
      minutes: fc.integer({ min: -6 * 60, max: 6 * 60 }),
    })
    .map(({ year, autumn, minutes }) => {
      // The changes happen at 01:00 UTC on the last Sunday of March and of October.
      const month = autumn ? 9 : 2;
      const lastDay = new Date(Date.UTC(year, month + 1, 0));
      const lastSunday = lastDay.getUTCDate() - lastDay.getUTCDay();
      return new Date(Date.UTC(year, month, lastSunday, 1, minutes));
    }),
);
