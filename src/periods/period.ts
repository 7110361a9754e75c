import { addDays, compareCivilDates, daysInMonth, requireWholeNumber, type CivilDate } from './civil-date.js';
import { startOfCivilDate } from './brussels-time.js';

export { addCivilDaysToInstant, civilDateAt } from './brussels-time.js';

/** A calendar period as ISO 8601 writes it (`P7Y`, `P15M`, `P1M`, `P0D`). Absent parts are zero. */
export interface Period {
  years?: number;
  months?: number;
  days?: number;
}

// Date parts only: a civil period has no hours, and weeks are written as days (P14D).
const isoPeriodPattern = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/;

/**
 * Parses an ISO 8601 duration made of years, months and days, for example 'P7Y', 'P15M',
 * 'P1Y6M' or 'P0D'. Returns undefined for an empty 'P', weeks, time parts ('PT12H'),
 * signs, fractions and any other text.
 */
export function parsePeriod(text: string): Period | undefined {
  const match = isoPeriodPattern.exec(text);
  if (!match || text === 'P') return undefined;

  const [, years, months, days] = match;
  const period: Period = {};
  if (years !== undefined) period.years = Number(years);
  if (months !== undefined) period.months = Number(months);
  if (days !== undefined) period.days = Number(days);

  const parts = [period.years, period.months, period.days];
  if (parts.some((part) => part !== undefined && !Number.isSafeInteger(part))) return undefined;
  return period;
}

/**
 * Adds a period to a date: first the years and months, with the day clamped to the end of a
 * shorter month (2024-02-29 + P7Y = 2031-02-28, 2024-11-30 + P15M = 2026-02-28), then the days.
 */
export function addPeriod(date: CivilDate, period: Period): CivilDate {
  const years = period.years ?? 0;
  const months = period.months ?? 0;
  const days = period.days ?? 0;
  requireWholeNumber(years, 'years');
  requireWholeNumber(months, 'months');
  requireWholeNumber(days, 'days');

  const monthIndex = date.year * 12 + (date.month - 1) + years * 12 + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const day = Math.min(date.day, daysInMonth(year, month));
  return addDays({ year, month, day }, days);
}

/**
 * Last day of a period that starts the day after `event` and ends on the same day number
 * (clamped to the end of a shorter month), inclusive. An account closed 2024-02-29 and kept
 * P7Y has its last day on 2031-02-28. With P0D the last day is the event itself.
 */
export function lastDayOfPeriod(event: CivilDate, period: Period): CivilDate {
  return addPeriod(event, period);
}

/** True while `today` is on or before the last day of the period, including days before the event. */
export function isWithinPeriod(event: CivilDate, period: Period, today: CivilDate): boolean {
  return compareCivilDates(today, lastDayOfPeriod(event, period)) <= 0;
}

/** Returns the instant a period is over: 00:00 Europe/Brussels on the day after `lastDay`. */
export function periodEndInstant(lastDay: CivilDate): Date {
  return startOfCivilDate(addDays(lastDay, 1));
}

/**
 * Computes the age in whole years on a date. A birthday that does not exist in a year is clamped, so a
 * woman born 2008-02-29 is 18 on 2026-02-28. The result is negative when `on` is before `birth`.
 */
export function ageOnDate(birth: CivilDate, on: CivilDate): number {
  const years = on.year - birth.year;
  const birthday = addPeriod(birth, { years });
  return compareCivilDates(birthday, on) <= 0 ? years : years - 1;
}
