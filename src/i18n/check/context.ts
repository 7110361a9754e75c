import { join } from 'node:path';
import type { Finding, PathSegment } from '../../findings/index.js';
import type { LocaleTexts, NamespaceFile, TextEntry } from './locale-files.js';
import type { TextUnit } from './text-units.js';

/** Inputs and shared state of the locale checks. */
export interface LocaleCheckContext {
  localesDir: string;
  /** The languages compared, in the order findings list them. */
  locales: readonly string[];
  texts: LocaleTexts;
  /** Namespace files that exist but could not be read; their finding is already reported. */
  invalidFiles: ReadonlySet<string>;
  /** The texts grouped for comparison between languages (see `collectTextUnits`). */
  units: readonly TextUnit[];
  /**
   * Keys (`locale`, `namespace:key`) that an earlier check already reported as missing, so
   * that one gap gives one finding. Checks add to it.
   */
  reported: Set<string>;
}

export function reportedId(locale: string, namespace: string, key: string): string {
  return `${locale}\u0000${namespace}:${key}`;
}

/** Builds the path of a namespace file, whether it exists or not. */
export function namespaceFilePath(context: LocaleCheckContext, locale: string, namespace: string): string {
  return join(context.localesDir, locale, `${namespace}.json`);
}

/** Lists every namespace that at least one language has, sorted. */
export function allNamespaces(context: Pick<LocaleCheckContext, 'texts'>): string[] {
  const names = new Set<string>();
  for (const namespaces of context.texts.values()) for (const name of namespaces.keys()) names.add(name);
  return [...names].sort();
}

/** Locates an existing entry: file, line, column and path, for a finding about it. */
export function entryLocation(file: NamespaceFile, entry: TextEntry): Pick<Finding, 'file' | 'line' | 'column' | 'path'> {
  return { file: file.file, ...file.document.locate(entry.path), path: entry.path };
}

/** Locates a missing key: the file and path where it belongs. */
export function missingLocation(context: LocaleCheckContext, locale: string, namespace: string, key: string): Pick<Finding, 'file' | 'path'> {
  const path: PathSegment[] = key.split('.');
  return { file: namespaceFilePath(context, locale, namespace), path };
}
