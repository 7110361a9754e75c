import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCivilDaysToInstant,
  civilDateAt,
  formatCivilDate,
  startOfCivilDate,
} from '../../src/periods/index.js';
import { instantArbitrary } from './arbitraries.js';

const brusselsWallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Brussels',
  hourCycle: 'h23',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

describe('civilDateAt', () => {
  it.each([
    ['2025-06-30T21:59:59.999Z', '2025-06-30'],
    ['2025-06-30T22:00:00.000Z', '2025-07-01'],
    ['2025-12-31T22:59:59.999Z', '2025-12-31'],
    ['2025-12-31T23:00:00.000Z', '2026-01-01'],
    ['2026-03-01T00:00:00+01:00', '2026-03-01'],
    ['2026-02-28T23:59:59+01:00', '2026-02-28'],
  ])('at %s is %s', (instant, expected) => {
    expect(formatCivilDate(civilDateAt(new Date(instant)))).toBe(expected);
  });

  it('rejects an invalid Date', () => {
    expect(() => civilDateAt(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('startOfCivilDate', () => {
  it('round-trips with civilDateAt', () => {
    fc.assert(
      fc.property(instantArbitrary, (instant) => {
        const day = civilDateAt(instant);
        const start = startOfCivilDate(day);
        expect(civilDateAt(start)).toEqual(day);
        expect(civilDateAt(new Date(start.getTime() - 1))).not.toEqual(day);
        expect(brusselsWallClock.format(start)).toBe('00:00:00');
      }),
    );
  });
});

describe('addCivilDaysToInstant', () => {
  it('keeps noon across the spring change', () => {
    const result = addCivilDaysToInstant(new Date('2025-03-29T12:00:00+01:00'), 1);
    expect(result.toISOString()).toBe(new Date('2025-03-30T12:00:00+02:00').toISOString());
    expect(result.getTime() - new Date('2025-03-29T12:00:00+01:00').getTime()).toBe(23 * 3_600_000);
  });

  it('keeps noon across the autumn change', () => {
    const result = addCivilDaysToInstant(new Date('2025-10-25T12:00:00+02:00'), 1);
    expect(result.toISOString()).toBe(new Date('2025-10-26T12:00:00+01:00').toISOString());
  });

  it('moves a time in the spring gap forward', () => {
    const result = addCivilDaysToInstant(new Date('2025-03-29T02:30:00+01:00'), 1);
    expect(result.toISOString()).toBe(new Date('2025-03-30T03:30:00+02:00').toISOString());
  });

  it('takes the earlier of a repeated time', () => {
    const result = addCivilDaysToInstant(new Date('2025-10-25T02:30:00+02:00'), 1);
    expect(result.toISOString()).toBe(new Date('2025-10-26T02:30:00+02:00').toISOString());
  });

  it('keeps milliseconds and goes backwards', () => {
    const result = addCivilDaysToInstant(new Date('2025-03-30T12:00:00.250+02:00'), -1);
    expect(result.toISOString()).toBe(new Date('2025-03-29T12:00:00.250+01:00').toISOString());
  });

  it('moves the civil date by the day count', () => {
    fc.assert(
      fc.property(instantArbitrary, fc.integer({ min: -800, max: 800 }), (instant, days) => {
        const result = addCivilDaysToInstant(instant, days);
        const start = civilDateAt(instant);
        const shifted = new Date(Date.UTC(start.year, start.month - 1, start.day + days)).toISOString().slice(0, 10);
        expect(formatCivilDate(civilDateAt(result))).toBe(shifted);
      }),
    );
  });

  it('keeps the wall clock outside the gaps', () => {
    fc.assert(
      fc.property(instantArbitrary, fc.integer({ min: -800, max: 800 }), (instant, days) => {
        const result = addCivilDaysToInstant(instant, days);
        const wallClockMoved = brusselsWallClock.format(result) !== brusselsWallClock.format(instant);
        if (wallClockMoved) {
          // Only a wall time between 02:00 and 03:00 can be missing on the target day.
          expect(brusselsWallClock.format(instant).slice(0, 2)).toBe('02');
        }
        expect(result.getUTCMilliseconds()).toBe(instant.getUTCMilliseconds());
      }),
    );
  });

  it('rejects a fractional day count', () => {
    expect(() => addCivilDaysToInstant(new Date('2025-01-01T12:00:00Z'), 0.5)).toThrow(RangeError);
  });
});
