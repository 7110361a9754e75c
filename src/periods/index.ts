export {
  addDays,
  compareCivilDates,
  daysInMonth,
  formatCivilDate,
  isLeapYear,
  lastDayOfPreviousMonth,
  parseCivilDate,
  type CivilDate,
} from './civil-date.js';
export { addCivilDaysToInstant, civilDateAt, civilTimeZone, startOfCivilDate } from './brussels-time.js';
export {
  addPeriod,
  ageOnDate,
  isWithinPeriod,
  lastDayOfPeriod,
  parsePeriod,
  periodEndInstant,
  type Period,
} from './period.js';
