import { statSync } from 'node:fs';
import { join } from 'node:path';
import { errorFinding, hasErrors, InputError, InternalError, type Finding } from '../findings/index.js';
import { packageRoot } from '../package-root.js';
import { readYamlFile, type SourceDocument } from '../source/index.js';
import { screeningChecks } from './checks/index.js';
import { discoverRuleFiles } from './discover.js';
import { normalizeQuestionnaire, normalizeScreeningRules } from './normalize.js';
import { checkAgainstSchema } from './schema-check.js';
import type { Questionnaire, RuleSetCatalog, ScreeningRuleSet } from './types.js';
import type { WrittenQuestionnaire, WrittenScreeningRules } from './written.js';

/** The document kinds this loader reads, with the JSON Schema of each. Other kinds are skipped. */
const screeningKinds: Record<string, string> = {
  Questionnaire: 'questionnaire-1',
  ScreeningRules: 'screening-rules-1',
};

/**
 * The folders to read for `path`. A folder laid out like this repository (with `rules/` or
 * `questionnaires/` in it) is read as one: only those two folders, so examples, tests and
 * fixtures beside them are never taken for content. Any other folder or file is read as it is.
 * Documents of other kinds in `rules/` (access, retention, rule tests) are skipped by kind.
 */
export function contentFolders(path: string): string[] {
  const layout = [join(path, 'questionnaires'), join(path, 'rules')].filter((folder) => isFolder(folder));
  return layout.length === 0 ? [path] : layout;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Folders of the shipped screening content. */
export function shippedScreeningPaths(): string[] {
  return [join(packageRoot, 'questionnaires'), join(packageRoot, 'rules', 'screening')];
}

export interface LoadedDocument {
  file: string;
  kind: string;
  document: SourceDocument;
}

/**
 * Reads every rule file under `paths`, parses it and checks it against the JSON Schema of its
 * kind. Returns the documents of the screening kinds that pass their schema, those that fail
 * it (`rejected`), and every finding, never only the first.
 */
export async function readScreeningDocuments(
  paths: readonly string[],
): Promise<{ documents: LoadedDocument[]; rejected: LoadedDocument[]; findings: Finding[] }> {
  const { files, findings } = await discoverRuleFiles(paths.flatMap(contentFolders));
  const documents: LoadedDocument[] = [];
  const rejected: LoadedDocument[] = [];

  for (const file of files) {
    const parsed = await readYamlFile(file);
    if (!parsed.ok) {
      findings.push(...parsed.findings);
      continue;
    }
    const data = parsed.document.data;
    const kind = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as { kind?: unknown }).kind : undefined;
    if (typeof kind !== 'string' || !(kind in screeningKinds)) continue;

    const schemaFindings = checkAgainstSchema(parsed.document, screeningKinds[kind]!);
    findings.push(...schemaFindings);
    if (schemaFindings.length === 0) documents.push({ file, kind, document: parsed.document });
    else rejected.push({ file, kind, document: parsed.document });
  }
  return { documents, rejected, findings };
}

/** How loading treats content that has no text in some language. */
export interface LoadOptions {
  /**
   * `error` (the default) when people will read the output; `warning` for machine output
   * such as JSON or a diff, which works without texts.
   */
  missingTexts?: 'error' | 'warning';
}

/** Names of the checks whose findings `missingTexts: 'warning'` turns into warnings. */
const textChecks = new Set(['translations']);

/**
 * Loads, checks and normalises the screening rule sets under `paths` (by default the shipped
 * ones). Returns the catalog only when there is no error; findings include warnings either way.
 */
export async function loadCatalog(
  paths: readonly string[] = shippedScreeningPaths(),
  options: LoadOptions = {},
): Promise<{ catalog?: RuleSetCatalog; findings: Finding[] }> {
  const { documents, rejected, findings } = await readScreeningDocuments(paths);
  // A questionnaire that fails its schema exists, and its errors are reported: the rules that
  // refer to it are left unchecked instead of reported as referring to no questionnaire.
  const rejectedQuestionnaires = new Set(
    rejected.filter(({ kind }) => kind === 'Questionnaire').map(({ document }) => {
      const { id, version } = document.data as { id?: unknown; version?: unknown };
      return `${String(id)}@${String(version)}`;
    }),
  );

  const questionnaires = new Map<string, { written: WrittenQuestionnaire; document: SourceDocument }>();
  for (const { kind, document } of documents) {
    if (kind !== 'Questionnaire') continue;
    const written = document.data as WrittenQuestionnaire;
    const reference = `${written.id}@${written.version}`;
    const earlier = questionnaires.get(reference);
    if (earlier) {
      findings.push(errorFinding('rules.duplicateDocument', { reference, other: earlier.document.file }, { file: document.file, ...document.locate(['id']) }));
      continue;
    }
    questionnaires.set(reference, { written, document });
  }

  const screenings = new Map<string, ScreeningRuleSet>();
  const normalizedQuestionnaires = new Map<string, Questionnaire>();
  for (const [reference, { written, document }] of questionnaires) {
    normalizedQuestionnaires.set(reference, normalizeQuestionnaire(written, { file: document.file }));
  }

  for (const { kind, document } of documents) {
    if (kind !== 'ScreeningRules') continue;
    const rules = document.data as WrittenScreeningRules;
    const target = questionnaires.get(rules.questionnaire);
    if (!target && rejectedQuestionnaires.has(rules.questionnaire)) continue;
    if (!target) {
      findings.push(
        errorFinding(
          'rules.unknownQuestionnaire',
          { reference: rules.questionnaire, known: [...questionnaires.keys()] },
          { file: document.file, path: ['questionnaire'], ...document.locate(['questionnaire']) },
        ),
      );
      continue;
    }
    if (screenings.has(rules.questionnaire)) {
      findings.push(errorFinding('rules.duplicateDocument', { reference: rules.questionnaire, other: screenings.get(rules.questionnaire)!.source.file }, { file: document.file }));
      continue;
    }

    const context = { rules, rulesDocument: document, questionnaire: target.written, questionnaireDocument: target.document };
    const checkFindings = screeningChecks.flatMap((check) => {
      const found = check.run(context);
      if (options.missingTexts !== 'warning' || !textChecks.has(check.name)) return found;
      return found.map((finding): Finding => ({ ...finding, severity: 'warning' }));
    });
    findings.push(...checkFindings);
    if (hasErrors(checkFindings)) continue;

    const questionnaire = normalizedQuestionnaires.get(rules.questionnaire)!;
    screenings.set(rules.questionnaire, normalizeScreeningRules(rules, questionnaire, { file: document.file }));
  }

  if (hasErrors(findings)) return { findings };
  return { catalog: { screenings, questionnaires: normalizedQuestionnaires }, findings };
}

let shippedCatalog: Promise<RuleSetCatalog> | undefined;

/**
 * Loads the rule sets shipped with bib-core, once per process. A shipped rule set that does not
 * load is a fault of bib-core (InternalError), not of the caller.
 */
export function loadShippedCatalog(): Promise<RuleSetCatalog> {
  shippedCatalog ??= loadCatalog().then(({ catalog, findings }) => {
    if (catalog) return catalog;
    const errors = findings.filter((finding) => finding.severity === 'error');
    // A deployment that replaces the wording in locales/ can leave a text out: that is its
    // input to fix, reported with the key and language, not a fault of bib-core.
    if (errors.every((finding) => finding.code.startsWith('validate:translation.'))) throw new InputError(errors);
    throw new InternalError(`the shipped rule set is invalid: ${JSON.stringify(findings.slice(0, 3))}`);
  });
  return shippedCatalog;
}

/**
 * Loads the rule sets in the folder `dir` (a copy of the shipped `rules/` and `questionnaires/`,
 * or any folder of rule files). Throws InputError with every finding when it has errors.
 */
export async function loadCatalogFromFolder(dir: string, options: LoadOptions = {}): Promise<RuleSetCatalog> {
  const { catalog, findings } = await loadCatalog([dir], options);
  if (!catalog) throw new InputError(findings.filter((finding) => finding.severity === 'error'));
  if (catalog.screenings.size === 0) throw new InputError([errorFinding('rules.noScreeningRules', { dir }, { file: dir })]);
  return catalog;
}
