/**
 * The birth date encoded in a national register or BIS number, where any part may be
 * unknown. A null year means the whole date is unknown.
 */
export interface BirthDate {
  year: number | null;
  /** 1-12, or null when the month is unknown (month field 00, 20 or 40). */
  month: number | null;
  /** 1-31, or null when the day is unknown (day 00, or any day under an unknown month). */
  day: number | null;
}

/**
 * Reads the date parts of a number whose check chose `century`. An unknown month makes the
 * day meaningless, because the register then uses days 00-99 as a counter overflow. Year
 * digits 00 with an unknown month are the register's fictitious date for a birth year that
 * is not known at all, so the year is null too.
 */
export function readBirthDate(century: 1900 | 2000, yearDigits: number, month: number, day: number): BirthDate {
  if (month === 0) {
    if (yearDigits === 0) return { year: null, month: null, day: null };
    return { year: century + yearDigits, month: null, day: null };
  }
  return { year: century + yearDigits, month, day: day === 0 ? null : day };
}

/**
 * Formats a birth date with only its known parts: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, and
 * null when the year is unknown.
 */
export function formatBirthDate(birthDate: BirthDate): string | null {
  if (birthDate.year === null) return null;
  const year = String(birthDate.year).padStart(4, '0');
  if (birthDate.month === null) return year;
  const month = String(birthDate.month).padStart(2, '0');
  if (birthDate.day === null) return `${year}-${month}`;
  return `${year}-${month}-${String(birthDate.day).padStart(2, '0')}`;
}
