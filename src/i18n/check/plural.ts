/** The CLDR plural categories, in CLDR order. */
export const pluralCategories = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof pluralCategories)[number];

/** One plural form of an i18next key: `base_one`, `base_other`, `base_ordinal_two`. */
export interface PluralForm {
  base: string;
  ordinal: boolean;
  category: PluralCategory;
}

const pluralSuffix = /^(.+?)(_ordinal)?_(zero|one|two|few|many|other)$/;

/**
 * Reads the plural suffix of an i18next key (JSON v4 format). Any key ending in `_one`,
 * `_other` and so on is taken as a plural form, because i18next reads it so when the text is
 * requested with a `count`.
 */
export function parsePluralKey(key: string): PluralForm | undefined {
  const match = pluralSuffix.exec(key);
  if (!match) return undefined;
  return { base: match[1]!, ordinal: match[2] !== undefined, category: match[3] as PluralCategory };
}

/** Builds the key of one plural form, the inverse of `parsePluralKey`. */
export function pluralKey(base: string, ordinal: boolean, category: PluralCategory): string {
  return `${base}${ordinal ? '_ordinal' : ''}_${category}`;
}

/**
 * Lists the plural categories that i18next requests in `locale`, from the runtime's own
 * `Intl.PluralRules`, in CLDR order. French, for example, needs `many` besides `one` and
 * `other` with current CLDR data.
 */
export function requiredPluralCategories(locale: string, ordinal: boolean): PluralCategory[] {
  const present = new Intl.PluralRules(locale, { type: ordinal ? 'ordinal' : 'cardinal' }).resolvedOptions().pluralCategories;
  return pluralCategories.filter((category) => (present as readonly string[]).includes(category));
}
