import type { NamespaceFile, TextEntry } from './locale-files.js';
import { parsePluralKey, type PluralCategory } from './plural.js';
import { allNamespaces, type LocaleCheckContext } from './context.js';

/**
 * A text as the languages are compared: a plain key, or all plural forms of one base key.
 * Two languages agree on a plural text when both have it, even though French needs a `many`
 * form that Dutch does not.
 */
export interface TextUnit {
  namespace: string;
  /** The plain key, or the base key of the plural forms. */
  key: string;
  plural?: { ordinal: boolean };
  /** The entries of each language that has this text (one, or one per plural form). */
  byLocale: Map<string, { file: NamespaceFile; entries: { entry: TextEntry; category?: PluralCategory }[] }>;
}

/** Groups the entries of every namespace into text units, in namespace and key order. */
export function collectTextUnits(context: Pick<LocaleCheckContext, 'locales' | 'texts'>): TextUnit[] {
  const units: TextUnit[] = [];
  for (const namespace of allNamespaces(context)) {
    const byId = new Map<string, TextUnit>();

    for (const locale of context.locales) {
      const file = context.texts.get(locale)?.get(namespace);
      if (!file) continue;
      for (const entry of file.entries.values()) {
        const form = parsePluralKey(entry.key);
        const key = form ? form.base : entry.key;
        const id = form ? `${key}\u0000${form.ordinal ? 'ordinal' : 'cardinal'}` : key;

        let unit = byId.get(id);
        if (!unit) {
          unit = { namespace, key, byLocale: new Map(), ...(form ? { plural: { ordinal: form.ordinal } } : {}) };
          byId.set(id, unit);
        }
        let own = unit.byLocale.get(locale);
        if (!own) {
          own = { file, entries: [] };
          unit.byLocale.set(locale, own);
        }
        own.entries.push(form ? { entry, category: form.category } : { entry });
      }
    }
    units.push(...[...byId.values()].sort((a, b) => a.key.localeCompare(b.key)));
  }
  return units;
}
