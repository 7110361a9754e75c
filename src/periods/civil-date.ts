/**
 * A civil date in Europe/Brussels: a year, a month (1-12) and a day, with no time and no zone.
 * All arithmetic on it works on these plain numbers, never on `Date` instants, so the process
 * time zone and daylight saving time cannot shift a result by a day.
 */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1-12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Parses a strict `YYYY-MM-DD` date. Returns undefined for any other form ('25/02/2025',
 * '2025-2-5', '') and for dates that do not exist ('2025-02-30', '2025-13-01').
 */
export function parseCivilDate(text: string): CivilDate | undefined {
  const match = isoDatePattern.exec(text);
  if (!match) return undefined;

  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** Formats a date as `YYYY-MM-DD`. */
export function formatCivilDate(date: CivilDate): string {
  const year = String(date.year).padStart(4, '0');
  const month = String(date.month).padStart(2, '0');
  const day = String(date.day).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** Returns a negative number when `a` is before `b`, 0 when they are the same day, positive after. */
export function compareCivilDates(a: CivilDate, b: CivilDate): number {
  if (a.year !== b.year) return a.year - b.year;
  if (a.month !== b.month) return a.month - b.month;
  return a.day - b.day;
}

/** Adds a whole number of days (negative to go back); throws a RangeError for a fraction. */
export function addDays(date: CivilDate, days: number): CivilDate {
  requireWholeNumber(days, 'days');
  return civilDateFromDayNumber(dayNumberOf(date) + days);
}

/** Returns the last day of the month before the month of `date`, for example 2021-09-25 → 2021-08-31. */
export function lastDayOfPreviousMonth(date: CivilDate): CivilDate {
  const year = date.month === 1 ? date.year - 1 : date.year;
  const month = date.month === 1 ? 12 : date.month - 1;
  return { year, month, day: daysInMonth(year, month) };
}

/**
 * Counts the days from 1970-01-01 to `date` in the proleptic Gregorian calendar (negative before).
 * The algorithm is Howard Hinnant's `days_from_civil`, which counts in 400-year eras of
 * 146 097 days, with years starting on 1 March so the leap day comes last.
 */
export function dayNumberOf(date: CivilDate): number {
  const year = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const monthFromMarch = date.month > 2 ? date.month - 3 : date.month + 9;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + date.day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Converts a day number back to a date, the inverse of `dayNumberOf` (Howard Hinnant's `civil_from_days`). */
export function civilDateFromDayNumber(dayNumber: number): CivilDate {
  const shifted = dayNumber + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function requireWholeNumber(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a whole number, got ${value}`);
}
