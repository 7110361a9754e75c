import { addDays, dayNumberOf, requireWholeNumber, type CivilDate } from './civil-date.js';

/** The zone of every civil date in bib-core. */
export const civilTimeZone = 'Europe/Brussels';

const millisecondsPerDay = 86_400_000;
const millisecondsPerMinute = 60_000;

/** A wall-clock reading in Europe/Brussels. */
interface WallTime {
  date: CivilDate;
  millisecondOfDay: number;
}

// Intl does the zone conversion, so the result never depends on the process TZ.
const wallTimeFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: civilTimeZone,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** Returns the civil date in Europe/Brussels at an instant, whatever the process time zone is. */
export function civilDateAt(instant: Date): CivilDate {
  return wallTimeAt(instant).date;
}

/**
 * Returns the instant of 00:00 Europe/Brussels on `date`. Midnight always exists in
 * Brussels because the daylight saving changes happen at 02:00 and 03:00.
 */
export function startOfCivilDate(date: CivilDate): Date {
  return instantOfWallTime({ date, millisecondOfDay: 0 });
}

/**
 * Adds calendar days to an instant, keeping the Europe/Brussels wall-clock time: 2025-03-29
 * 12:00 plus one day is 2025-03-30 12:00 (+02:00), 23 hours later. A wall time that does not
 * exist on the target day (inside the spring gap) moves forward by the gap, and one that occurs
 * twice (the autumn overlap) takes the earlier instant, as Temporal's 'compatible' option does.
 */
export function addCivilDaysToInstant(instant: Date, days: number): Date {
  requireWholeNumber(days, 'days');
  assertValidInstant(instant);

  const wallTime = wallTimeAt(instant);
  return instantOfWallTime({ date: addDays(wallTime.date, days), millisecondOfDay: wallTime.millisecondOfDay });
}

function wallTimeAt(instant: Date): WallTime {
  assertValidInstant(instant);
  const fields = new Map(wallTimeFormat.formatToParts(instant).map((part) => [part.type, part.value]));
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(fields.get(type));

  const date = { year: field('year'), month: field('month'), day: field('day') };
  const secondOfDay = field('hour') * 3600 + field('minute') * 60 + field('second');
  const millisecondOfDay = secondOfDay * 1000 + (((instant.getTime() % 1000) + 1000) % 1000);
  return { date, millisecondOfDay };
}

/** Milliseconds since the epoch of a wall time read as if it were UTC. */
function wallTimeAsUtc(wallTime: WallTime): number {
  return dayNumberOf(wallTime.date) * millisecondsPerDay + wallTime.millisecondOfDay;
}

/** Offset of Brussels from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function offsetAt(epochMilliseconds: number): number {
  const offset = wallTimeAsUtc(wallTimeAt(new Date(epochMilliseconds))) - epochMilliseconds;
  // The formatter shows whole seconds only, and the offsets of Brussels are whole minutes.
  return Math.round(offset / millisecondsPerMinute) * millisecondsPerMinute;
}

function instantOfWallTime(wallTime: WallTime): Date {
  const asUtc = wallTimeAsUtc(wallTime);

  // Brussels changes its offset at most twice a year, so the wall time can only have the
  // offset of the day before or of the day after.
  const offsetBefore = offsetAt(asUtc - millisecondsPerDay);
  const offsetAfter = offsetAt(asUtc + millisecondsPerDay);
  const candidates = [asUtc - offsetBefore, asUtc - offsetAfter]
    .filter((candidate) => wallTimeAsUtc(wallTimeAt(new Date(candidate))) === asUtc)
    .sort((a, b) => a - b);

  const earliest = candidates[0];
  if (earliest !== undefined) return new Date(earliest);

  // The wall time falls in a spring gap: read it with the offset before the change,
  // which lands the same distance after the gap.
  return new Date(asUtc - offsetBefore);
}

function assertValidInstant(instant: Date): void {
  if (Number.isNaN(instant.getTime())) throw new RangeError('instant must be a valid Date, got an invalid Date');
}
