import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { errorFinding, hasErrors, InputError, warningFinding, type Finding } from '../../findings/index.js';
import { packageRoot } from '../../package-root.js';
import { readScreeningDocuments, shippedScreeningPaths } from '../../ruleset/index.js';
import { supportedLocales } from '../translator.js';
import { checkContentTexts, requiredTexts } from './content-texts.js';
import type { LocaleCheckContext } from './context.js';
import { checkKeyPresence, checkNamespaceFiles, checkPluralForms, checkTextValues, checkVariables } from './key-checks.js';
import { listLocaleFolders, readLocaleTexts } from './locale-files.js';
import { collectTextUnits } from './text-units.js';

export { interpolationVariables } from './interpolation.js';
export { requiredPluralCategories } from './plural.js';

export interface LocaleCheckOptions {
  /** Folder with one sub-folder per language. Default: the shipped `locales/`. */
  localesDir?: string;
  /** Files or folders of questionnaires and screening rules. Default: the shipped ones. */
  contentPaths?: readonly string[];
  /** Languages that must be complete. Default: every supported language. */
  locales?: readonly string[];
}

export interface LocaleCheckReport {
  localesDir: string;
  locales: string[];
  /** Every problem found, errors and warnings, ordered by language, file and position. */
  findings: Finding[];
}

/**
 * Checks the texts of every language against each other and against the content. Each
 * language must have every key of the union of all languages, the same interpolation
 * variables, every plural form its plural rules need, and no empty text. Each item, option,
 * follow-up question, indicator, care path and action of the questionnaires and screening
 * rules must have a text.
 *
 * Throws InputError when the locales folder or the content cannot be read; problems in the
 * texts themselves are returned as findings.
 */
export async function checkLocales(options: LocaleCheckOptions = {}): Promise<LocaleCheckReport> {
  const localesDir = options.localesDir ?? join(packageRoot, 'locales');
  const locales = [...(options.locales ?? supportedLocales)];
  await requireFolder(localesDir);

  const content = await readScreeningDocuments(options.contentPaths ?? shippedScreeningPaths());
  if (hasErrors(content.findings)) throw new InputError(content.findings.filter((finding) => finding.severity === 'error'));
  const required = requiredTexts(content.documents);

  const { texts, invalidFiles, findings } = await readLocaleTexts(localesDir, locales);
  for (const folder of await listLocaleFolders(localesDir)) {
    if (!locales.includes(folder)) {
      findings.push(warningFinding('editor:locales.unsupportedLocale', { language: folder, supported: locales }, { file: join(localesDir, folder) }));
    }
  }

  const units = collectTextUnits({ locales, texts });
  const context: LocaleCheckContext = { localesDir, locales, texts, invalidFiles, units, reported: new Set() };
  const requiredNamespaces = [...new Set(required.map((text) => text.namespace))];
  findings.push(
    ...checkNamespaceFiles(context, requiredNamespaces),
    ...checkTextValues(context),
    ...checkPluralForms(context),
    ...checkContentTexts(context, required),
    ...checkKeyPresence(context),
    ...checkVariables(context),
  );

  return { localesDir, locales, findings: sortFindings(findings, locales) };
}

async function requireFolder(dir: string): Promise<void> {
  let isFolder = false;
  try {
    isFolder = (await stat(dir)).isDirectory();
  } catch {
    throw new InputError([errorFinding('editor:locales.folderNotFound', { dir }, { file: dir })]);
  }
  if (!isFolder) throw new InputError([errorFinding('editor:locales.notAFolder', { dir }, { file: dir })]);
}

function sortFindings(findings: Finding[], locales: readonly string[]): Finding[] {
  const rank = (finding: Finding) => {
    const index = locales.indexOf(String(finding.params['language'] ?? ''));
    return index === -1 ? locales.length : index;
  };
  return findings
    .map((finding, order) => ({ finding, order }))
    .sort(
      (a, b) =>
        rank(a.finding) - rank(b.finding) ||
        (a.finding.file ?? '').localeCompare(b.finding.file ?? '') ||
        (a.finding.line ?? 0) - (b.finding.line ?? 0) ||
        a.order - b.order,
    )
    .map(({ finding }) => finding);
}
