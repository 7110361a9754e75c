import { compareCivilDates, formatCivilDate, type CivilDate } from '../periods/index.js';
import { declaredValueFields, type DeclaredValueField, type RecordValues, type RetentionDateField } from './fields.js';

/**
 * Checks of records that need the rule set or the as-of date. The records file reader runs
 * them with exact positions, and the evaluation runs them again for records that a caller
 * built without the reader.
 */

export interface UndeclaredValue {
  field: DeclaredValueField;
  value: string;
  allowed: readonly string[];
}

/** Lists the owner and kind of a record that the rule file does not declare under `recordValues`. */
export function undeclaredValues(record: Partial<Record<DeclaredValueField, unknown>>, declared: RecordValues): UndeclaredValue[] {
  const problems: UndeclaredValue[] = [];
  for (const field of declaredValueFields) {
    const value = record[field];
    if (typeof value === 'string' && !declared[field].includes(value)) problems.push({ field, value, allowed: declared[field] });
  }
  return problems;
}

/**
 * Tells whether an event date lies after the as-of date. Such a record is rejected, because
 * on the as-of day the event has not happened yet: the date or the as-of date is wrong.
 */
export function isAfterAsOf(date: CivilDate, asOf: CivilDate): boolean {
  return compareCivilDates(date, asOf) > 0;
}

/** Builds the finding parameters of an event date after the as-of date. */
export function dateAfterAsOfParams(record: string, field: RetentionDateField, date: CivilDate, asOf: CivilDate) {
  return { record, field, date: formatCivilDate(date), asOf: formatCivilDate(asOf) };
}

/** Finds each id that repeats an earlier one, with its index and the index of that earlier one. */
export function repeatedIds(ids: readonly (string | undefined)[]): { index: number; firstIndex: number }[] {
  const firstIndexOf = new Map<string, number>();
  const repeats: { index: number; firstIndex: number }[] = [];
  ids.forEach((id, index) => {
    if (id === undefined) return;
    const firstIndex = firstIndexOf.get(id);
    if (firstIndex === undefined) firstIndexOf.set(id, index);
    else repeats.push({ index, firstIndex });
  });
  return repeats;
}
