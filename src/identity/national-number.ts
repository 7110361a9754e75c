import { compareCivilDates, daysInMonth, type CivilDate } from '../periods/index.js';
import { readBirthDate, type BirthDate } from './birth-date.js';

/**
 * Validation of the Belgian national register number (INSZ/NISS/RRN) and the BIS number,
 * as the federal validators apply it. The number stays a string from end to end: births
 * from 2000 to 2009 start with 0, and a number type would drop it.
 */

/** A national register number, or a BIS number (given to people who are not in the register). */
export type NationalNumberKind = 'national_number' | 'bis';

/** Why a number is invalid; each code has a text under `identity:nationalNumber.<code>`. */
export type NationalNumberReason =
  | 'missing'
  | 'wrongLength'
  | 'notDigits'
  | 'badCheck'
  | 'impossibleMonth'
  | 'impossibleDay'
  | 'futureBirth'
  | 'counterOutOfRange';

export interface NationalNumberProblem {
  reason: NationalNumberReason;
  /** The i18next key of the reason's text, for example `identity:nationalNumber.badCheck`. */
  code: string;
  params: Record<string, string | number>;
}

export interface ValidNationalNumber {
  valid: true;
  kind: NationalNumberKind;
  /** 1900 or 2000: the century whose check digits matched. */
  century: 1900 | 2000;
  birthDate: BirthDate;
  /** False only for a BIS number in the +20 month range: the sex was not known when it was issued. */
  sexKnownAtIssue: boolean;
}

export interface InvalidNationalNumber {
  valid: false;
  /** Every reason found, in a fixed order; at least one. */
  problems: NationalNumberProblem[];
}

/** The outcome of validating a number. Neither form contains the number itself, so it is safe to log. */
export type NationalNumberCheck = ValidNationalNumber | InvalidNationalNumber;

const digitCount = 11;
const separators = /[.\-\s]/g;
const elevenAsciiDigits = /^[0-9]{11}$/;
const asciiDigits = /^[0-9]*$/;

/**
 * Normalises a typed number: Unicode NFKC (so full-width digits become ASCII), then drops
 * dots, hyphens and white space. Returns the 11 digits, or undefined when what is left is
 * not exactly 11 ASCII digits.
 */
export function normalizeNationalNumber(text: string): string | undefined {
  const compact = compactNationalNumber(text);
  return elevenAsciiDigits.test(compact) ? compact : undefined;
}

function compactNationalNumber(text: string): string {
  return text.normalize('NFKC').trim().replace(separators, '');
}

/**
 * Validates a national register number or BIS number. `today` is the civil date in
 * Europe/Brussels against which a birth date in the future is rejected; the library never
 * reads the clock. Every applicable reason is returned, not just the first.
 */
export function checkNationalNumber(text: string, today: CivilDate): NationalNumberCheck {
  const compact = compactNationalNumber(text);
  // Nothing but white space and separators: no number was given, rather than one of 0 digits.
  if (compact === '') return invalid([problem('missing', { length: digitCount })]);
  if (!asciiDigits.test(compact)) {
    return invalid([problem('notDigits', { length: digitCount })]);
  }
  if (compact.length !== digitCount) {
    // The i18next context `tooShort` selects the text that warns about a lost leading zero.
    const context = compact.length < digitCount ? 'tooShort' : '';
    return invalid([problem('wrongLength', { expected: digitCount, actual: compact.length, context })]);
  }

  const parts = splitNationalNumber(compact);
  const problems: NationalNumberProblem[] = [];
  const century = centuryOfCheck(parts);
  if (century === undefined) problems.push(problem('badCheck', {}));

  const month = readMonth(parts.month);
  if (month === undefined) {
    problems.push(problem('impossibleMonth', { month: pad2(parts.month) }));
  } else if (!isPossibleDay(parts, month.month, century)) {
    problems.push(problem('impossibleDay', { day: pad2(parts.day), month: pad2(month.month) }));
  }

  // The birth date is only meaningful once the check has chosen the century and the day fits.
  let birthDate: BirthDate | undefined;
  if (century !== undefined && month !== undefined && problems.length === 0) {
    birthDate = readBirthDate(century, parts.year, month.month, parts.day);
    if (isAfterToday(birthDate, today)) problems.push(problem('futureBirth', { year: century + parts.year }));
  }

  if (month?.kind === 'national_number' && (parts.counter === 0 || parts.counter === 999)) {
    problems.push(problem('counterOutOfRange', { counter: String(parts.counter).padStart(3, '0') }));
  }
  if (problems.length > 0 || century === undefined || month === undefined || birthDate === undefined) {
    return invalid(problems);
  }
  return {
    valid: true,
    kind: month.kind,
    century,
    birthDate,
    sexKnownAtIssue: month.sexKnownAtIssue,
  };
}

/**
 * Masks a number for display: the birth-date part stays readable, the counter and check
 * digits become stars (`90.02.01-***.**`). Input that is not 11 digits shows no digit at all.
 */
export function maskNationalNumber(text: string): string {
  const digits = normalizeNationalNumber(text);
  if (digits === undefined) return '***********';
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}-***.**`;
}

/**
 * Replaces the digits of every run of 6 or more digits (with dots, hyphens or spaces between
 * them) by stars, so that user input can be repeated in a message without a full number.
 */
export function redactNumbers(text: string): string {
  return text.normalize('NFKC').replace(/[0-9][0-9.\-\s]*[0-9]/g, (run) => {
    const digitTotal = run.replace(/[^0-9]/g, '').length;
    return digitTotal >= 6 ? run.replace(/[0-9]/g, '*') : run;
  });
}

/** Prints 11 digits in the printed form `YY.MM.DD-SSS.CC`. */
export function formatNationalNumber(digits: string): string {
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}-${digits.slice(6, 9)}.${digits.slice(9, 11)}`;
}

interface NumberParts {
  /** The first nine digits as an integer: the base of the check. */
  base: number;
  check: number;
  year: number;
  month: number;
  day: number;
  counter: number;
}

function splitNationalNumber(digits: string): NumberParts {
  return {
    base: Number(digits.slice(0, 9)),
    check: Number(digits.slice(9, 11)),
    year: Number(digits.slice(0, 2)),
    month: Number(digits.slice(2, 4)),
    day: Number(digits.slice(4, 6)),
    counter: Number(digits.slice(6, 9)),
  };
}

/**
 * Returns the century whose check matches: `97 - (base mod 97)` for births before 2000,
 * the same over `2000000000 + base` from 2000. Both are plain JavaScript numbers, because
 * 2000000000 + base does not fit in a 32-bit integer. The two candidates always differ
 * (2000000000 mod 97 is 68, not 0), so at most one matches. A check of 00, 98 or 99 never
 * matches, because `97 - r` lies between 1 and 97.
 */
function centuryOfCheck(parts: NumberParts): 1900 | 2000 | undefined {
  if (parts.check === 97 - (parts.base % 97)) return 1900;
  if (parts.check === 97 - ((2_000_000_000 + parts.base) % 97)) return 2000;
  return undefined;
}

interface MonthReading {
  kind: NationalNumberKind;
  /** The calendar month 1-12, or 0 when unknown. */
  month: number;
  sexKnownAtIssue: boolean;
}

/** Reads the month field: 00-12 for a national number, +20 or +40 for a BIS number. */
function readMonth(field: number): MonthReading | undefined {
  if (field <= 12) return { kind: 'national_number', month: field, sexKnownAtIssue: true };
  if (field >= 20 && field <= 32) return { kind: 'bis', month: field - 20, sexKnownAtIssue: false };
  if (field >= 40 && field <= 52) return { kind: 'bis', month: field - 40, sexKnownAtIssue: true };
  return undefined;
}

/**
 * Checks whether the day field can belong to the month. An unknown month (00) allows any day
 * 00-99, because the register uses those days for unknown dates and counter overflow. A
 * known month allows day 00 (unknown day) and the days that exist in it. When the check
 * matched no century, a day is possible when it exists in either century, so only the
 * check is reported.
 */
function isPossibleDay(parts: NumberParts, month: number, century: 1900 | 2000 | undefined): boolean {
  if (month === 0 || parts.day === 0) return true;
  const centuries = century === undefined ? [1900, 2000] : [century];
  return centuries.some((candidate) => parts.day <= daysInMonth(candidate + parts.year, month));
}

/** Checks whether a birth date lies after today; a partly unknown date counts from its earliest possible day. */
function isAfterToday(birthDate: BirthDate, today: CivilDate): boolean {
  if (birthDate.year === null) return false;
  const earliest = { year: birthDate.year, month: birthDate.month ?? 1, day: birthDate.day ?? 1 };
  return compareCivilDates(earliest, today) > 0;
}

function problem(reason: NationalNumberReason, params: NationalNumberProblem['params']): NationalNumberProblem {
  return { reason, code: `identity:nationalNumber.${reason}`, params };
}

function invalid(problems: NationalNumberProblem[]): InvalidNationalNumber {
  return { valid: false, problems };
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
