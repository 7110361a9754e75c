import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errorFinding, type Finding, type PathSegment } from '../../findings/index.js';
import { parseYamlText, type ParseOutcome, type SourceDocument } from '../../source/index.js';
import { locateJsonError } from '../../source/json-syntax.js';

/** One leaf of a namespace file: its dotted key, the path of segments and the raw value. */
export interface TextEntry {
  key: string;
  path: PathSegment[];
  value: unknown;
}

/** One `<namespace>.json` of one language, flattened to its leaves. */
export interface NamespaceFile {
  locale: string;
  namespace: string;
  file: string;
  document: SourceDocument;
  entries: Map<string, TextEntry>;
}

/** Every readable namespace file, by language and then by namespace. */
export type LocaleTexts = Map<string, Map<string, NamespaceFile>>;

/** The texts `readLocaleTexts` read, the files it could not read, and its findings. */
export interface LocaleTextsReading {
  texts: LocaleTexts;
  /**
   * Paths of namespace files that exist but hold no usable texts (invalid JSON, or not an
   * object). Each already has its finding, so no check reports such a file as missing.
   */
  invalidFiles: Set<string>;
  findings: Finding[];
}

/**
 * Reads `<localesDir>/<locale>/*.json` for each language. Each file must pass `JSON.parse`,
 * as the translator reads it so, and is then parsed with `parseYamlText` for duplicate keys and
 * positions. A missing language folder and a file that does not parse are findings, and the
 * other files are still read.
 */
export async function readLocaleTexts(localesDir: string, locales: readonly string[]): Promise<LocaleTextsReading> {
  const texts: LocaleTexts = new Map();
  const invalidFiles = new Set<string>();
  const findings: Finding[] = [];

  for (const locale of locales) {
    const folder = join(localesDir, locale);
    let names: string[];
    try {
      names = (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
    } catch {
      findings.push(errorFinding('editor:locales.missingLocale', { language: locale, dir: localesDir }, { file: folder }));
      continue;
    }

    const namespaces = new Map<string, NamespaceFile>();
    for (const name of names) {
      const file = join(folder, name);
      const parsed = await readTextsFile(file, locale);
      if (!parsed.ok) {
        findings.push(...parsed.findings);
        invalidFiles.add(file);
        continue;
      }
      const data = parsed.document.data;
      if (data === null || typeof data !== 'object' || Array.isArray(data)) {
        findings.push(errorFinding('editor:locales.notMapping', { file, language: locale }, { file, line: 1, column: 1 }));
        invalidFiles.add(file);
        continue;
      }
      const namespace = name.slice(0, -'.json'.length);
      const entries = new Map<string, TextEntry>();
      flattenInto(data, [], entries);
      namespaces.set(namespace, { locale, namespace, file, document: parsed.document, entries });
    }
    texts.set(locale, namespaces);
  }
  return { texts, invalidFiles, findings };
}

/** Reads one namespace file: strict JSON first, then YAML parsing for duplicate keys and positions. */
async function readTextsFile(file: string, locale: string): Promise<ParseOutcome> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const findingCode = code === 'EISDIR' ? 'file.isDirectory' : 'file.unreadable';
    return { ok: false, findings: [errorFinding(findingCode, { file, detail: String(code ?? cause) }, { file })] };
  }

  // An empty file is left to parseYamlText, whose finding names it as empty.
  if (text.trim() !== '') {
    const position = locateJsonError(text);
    if (position) return { ok: false, findings: [errorFinding('editor:locales.invalidJson', { file, language: locale }, { file, ...position })] };
  }
  return parseYamlText(text, file);
}

/** Lists the language folders under `localesDir`, sorted. */
export async function listLocaleFolders(localesDir: string): Promise<string[]> {
  const entries = await readdir(localesDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
}

/**
 * Flattens nested objects to i18next's dotted keys. Arrays and scalars are leaves: i18next
 * returns an array only with `returnObjects`, and a number or null is not a text.
 */
function flattenInto(value: unknown, path: PathSegment[], entries: Map<string, TextEntry>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [segment, child] of Object.entries(value)) flattenInto(child, [...path, segment], entries);
    return;
  }
  if (path.length === 0) return;
  entries.set(path.join('.'), { key: path.join('.'), path, value });
}
