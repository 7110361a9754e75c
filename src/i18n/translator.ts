import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n as I18n } from 'i18next';
import { InternalError } from '../findings/index.js';
import { packageRoot } from '../package-root.js';

/** The languages every user-facing text exists in; nl and fr are first-class. */
export const supportedLocales = ['nl', 'fr', 'de', 'en'] as const;
export type Locale = (typeof supportedLocales)[number];

export const defaultLocale: Locale = 'nl';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (supportedLocales as readonly string[]).includes(value);
}

/** Texts of one language, by namespace (the JSON file name) and key. */
export type LocaleResources = Record<string, Record<string, unknown>>;

/** Translates message keys such as `cli:screen.title` in one language. */
export interface Translator {
  readonly locale: Locale;
  /** Returns the text for `key`; throws InternalError when the key is missing, never the key itself. */
  t(key: string, params?: Record<string, unknown>): string;
  /** Whether `key` exists in this language, without falling back to another one. */
  has(key: string): boolean;
}

const resourceCache = new Map<string, LocaleResources>();

/** Reads every `<namespace>.json` in `<localesDir>/<locale>/`. Cached per folder and language. */
export function loadLocaleResources(locale: string, localesDir: string = join(packageRoot, 'locales')): LocaleResources {
  const cacheKey = `${localesDir}\u0000${locale}`;
  const cached = resourceCache.get(cacheKey);
  if (cached) return cached;

  const folder = join(localesDir, locale);
  const resources: LocaleResources = {};
  for (const name of readdirSync(folder).sort()) {
    if (!name.endsWith('.json')) continue;
    const namespace = name.slice(0, -'.json'.length);
    resources[namespace] = JSON.parse(readFileSync(join(folder, name), 'utf8')) as Record<string, unknown>;
  }
  resourceCache.set(cacheKey, resources);
  return resources;
}

/**
 * Creates a translator on its own i18next instance. There is no fallback language: a key
 * missing in the requested language is an internal error, so a user never sees English
 * by accident or a raw key.
 */
export function createTranslator(locale: Locale, localesDir?: string): Translator {
  const resources = loadLocaleResources(locale, localesDir);
  const instance: I18n = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: false,
    ns: Object.keys(resources),
    defaultNS: 'cli',
    resources: { [locale]: resources },
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    returnEmptyString: false,
    showSupportNotice: false,
  } as Parameters<I18n['init']>[0]);

  return {
    locale,
    has: (key) => instance.exists(key, { lng: locale }),
    t: (key, params = {}) => {
      if (!instance.exists(key, { lng: locale, ...params })) {
        throw new InternalError(`missing translation "${key}" in locale "${locale}"`);
      }
      return instance.t(key, { ...params, lng: locale }) as string;
    },
  };
}
