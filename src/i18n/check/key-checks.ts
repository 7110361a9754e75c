import { errorFinding, warningFinding, type Finding } from '../../findings/index.js';
import {
  allNamespaces,
  entryLocation,
  missingLocation,
  namespaceFilePath,
  reportedId,
  type LocaleCheckContext,
} from './context.js';
import { interpolationVariables } from './interpolation.js';
import { pluralKey, requiredPluralCategories } from './plural.js';
import type { TextUnit } from './text-units.js';

/**
 * Reports each namespace file that a language lacks while another language has it or the
 * questionnaire needs it. The keys of a missing file are not listed one by one. A file that
 * exists but does not parse is not missing: its parse error is the one finding about it.
 */
export function checkNamespaceFiles(context: LocaleCheckContext, requiredNamespaces: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  const namespaces = [...new Set([...allNamespaces(context), ...requiredNamespaces])].sort();

  for (const namespace of namespaces) {
    const presentIn = context.locales.filter((locale) => context.texts.get(locale)?.has(namespace));
    for (const locale of context.locales) {
      const files = context.texts.get(locale);
      if (!files || files.has(namespace)) continue;
      const file = namespaceFilePath(context, locale, namespace);
      if (context.invalidFiles.has(file)) continue;
      findings.push(errorFinding('editor:locales.missingNamespace', { language: locale, namespace, file, presentIn }, { file }));
    }
  }
  return findings;
}

/**
 * Compares the keys of the languages against their union: a key that one language has is
 * missing in every other language that has the namespace file. A key that only one language
 * has (typically the language it was written in first) is reported there as well.
 */
export function checkKeyPresence(context: LocaleCheckContext): Finding[] {
  const findings: Finding[] = [];

  for (const unit of context.units) {
    const presentIn = context.locales.filter((locale) => unit.byLocale.has(locale));
    const missingIn = context.locales.filter((locale) => !unit.byLocale.has(locale) && context.texts.get(locale)?.has(unit.namespace));

    for (const locale of missingIn) {
      for (const key of expectedKeys(unit, locale)) {
        const id = reportedId(locale, unit.namespace, key);
        if (context.reported.has(id)) continue;
        context.reported.add(id);
        findings.push(
          errorFinding(
            'editor:locales.missingKey',
            { language: locale, textKey: `${unit.namespace}:${key}`, presentIn },
            missingLocation(context, locale, unit.namespace, key),
          ),
        );
      }
    }

    const only = presentIn.length === 1 ? presentIn[0]! : undefined;
    if (only !== undefined && missingIn.length > 0) {
      const own = unit.byLocale.get(only)!;
      findings.push(
        errorFinding(
          'editor:locales.singleLocaleKey',
          { language: only, textKey: `${unit.namespace}:${unit.key}`, missingIn },
          entryLocation(own.file, own.entries[0]!.entry),
        ),
      );
    }
  }
  return findings;
}

/** Lists the keys a language needs for a text: the key itself, or each plural form it requires. */
function expectedKeys(unit: TextUnit, locale: string): string[] {
  if (!unit.plural) return [unit.key];
  const ordinal = unit.plural.ordinal;
  return requiredPluralCategories(locale, ordinal).map((category) => pluralKey(unit.key, ordinal, category));
}

/**
 * Compares the interpolation variables of one text between languages. The reference is the
 * set most languages use (the union of all sets when there is no single most common one),
 * so a typo in one language blames that language only. Plural forms are compared as one text
 * without `count`, because a form such as "one file" may leave the number out.
 */
export function checkVariables(context: LocaleCheckContext): Finding[] {
  const findings: Finding[] = [];

  for (const unit of context.units) {
    if (unit.byLocale.size < 2) continue;

    const variablesByLocale = new Map<string, string[]>();
    for (const [locale, own] of unit.byLocale) {
      const names = new Set<string>();
      for (const { entry } of own.entries) {
        if (typeof entry.value !== 'string') continue;
        for (const name of interpolationVariables(entry.value)) names.add(name);
      }
      if (unit.plural) names.delete('count');
      variablesByLocale.set(locale, [...names].sort());
    }

    const expected = referenceVariables([...variablesByLocale.values()]);
    for (const [locale, variables] of variablesByLocale) {
      if (variables.join(',') === expected.join(',')) continue;
      const own = unit.byLocale.get(locale)!;
      findings.push(
        errorFinding(
          'editor:locales.variableMismatch',
          { language: locale, textKey: `${unit.namespace}:${unit.key}`, variables, expected },
          entryLocation(own.file, own.entries[0]!.entry),
        ),
      );
    }
  }
  return findings;
}

function referenceVariables(sets: readonly string[][]): string[] {
  const counts = new Map<string, number>();
  for (const set of sets) counts.set(set.join(','), (counts.get(set.join(',')) ?? 0) + 1);

  const highest = Math.max(...counts.values());
  const mostCommon = [...counts.entries()].filter(([, count]) => count === highest);
  if (mostCommon.length === 1) return mostCommon[0]![0] === '' ? [] : mostCommon[0]![0].split(',');
  return [...new Set(sets.flat())].sort();
}

/**
 * Checks that each language has every plural form its `Intl.PluralRules` categories require.
 * A form the language never uses is a warning (`_zero` excepted: i18next uses it for 0 in
 * any language).
 */
export function checkPluralForms(context: LocaleCheckContext): Finding[] {
  const findings: Finding[] = [];

  for (const unit of context.units) {
    if (!unit.plural) continue;
    const ordinal = unit.plural.ordinal;

    for (const [locale, own] of unit.byLocale) {
      const required = requiredPluralCategories(locale, ordinal);
      const present = new Set(own.entries.map(({ category }) => category));

      for (const category of required) {
        if (present.has(category)) continue;
        const key = pluralKey(unit.key, ordinal, category);
        context.reported.add(reportedId(locale, unit.namespace, key));
        findings.push(
          errorFinding(
            'editor:locales.missingPluralForm',
            { language: locale, textKey: `${unit.namespace}:${key}`, category, required },
            missingLocation(context, locale, unit.namespace, key),
          ),
        );
      }

      for (const { entry, category } of own.entries) {
        if (category === undefined || category === 'zero' || required.includes(category)) continue;
        findings.push(
          warningFinding(
            'editor:locales.unusedPluralForm',
            { language: locale, textKey: `${unit.namespace}:${entry.key}`, category, required },
            entryLocation(own.file, entry),
          ),
        );
      }
    }
  }
  return findings;
}

/** Reports texts that are empty or only white space, and leaves that are not text at all. */
export function checkTextValues(context: LocaleCheckContext): Finding[] {
  const findings: Finding[] = [];

  for (const locale of context.locales) {
    for (const file of context.texts.get(locale)?.values() ?? []) {
      for (const entry of file.entries.values()) {
        const textKey = `${file.namespace}:${entry.key}`;
        const problem = valueProblem(entry.value);
        if (problem === undefined) continue;

        context.reported.add(reportedId(locale, file.namespace, entry.key));
        const where = entryLocation(file, entry);
        if (problem === 'empty') findings.push(errorFinding('editor:locales.emptyText', { language: locale, textKey }, where));
        else findings.push(errorFinding('editor:locales.notText', { language: locale, textKey, type: problem }, where));
      }
    }
  }
  return findings;
}

/** Returns `empty`, the JSON type of a non-text value, or undefined for a usable text. */
function valueProblem(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? 'empty' : undefined;
  if (Array.isArray(value)) {
    if (value.length === 0) return 'empty';
    const bad = value.map(valueProblem).find((problem) => problem !== undefined);
    return bad;
  }
  return value === null ? 'null' : typeof value;
}
