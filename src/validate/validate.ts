import { stat } from 'node:fs/promises';
import { errorFinding, InputError, type Finding } from '../findings/index.js';
import { contentFolders } from '../ruleset/index.js';
import { discoverRuleFiles } from '../ruleset/discover.js';
import { baselineDuplicateFindings, hasComparableDocuments, unreadableBaselineFindings, versionFindings } from './baseline.js';
import { isKnownKind, knownKindFindings, unknownKindFinding } from './kinds.js';
import { provenanceFindings, provisionalPaths } from './provenance.js';
import { readRuleDocuments, type RuleDocument } from './rule-documents.js';

export interface ValidateOptions {
  /**
   * Files or folders of rule files; folders are searched for `.yaml`, `.yml` and `.json`
   * files. A folder that contains `rules/` or `questionnaires/` (a checkout of this
   * repository) is read as those two folders only.
   */
  paths: readonly string[];
  /** Turns every provisional value into an error, as a release requires. */
  strict?: boolean;
  /**
   * A folder with an earlier copy of the rule files, for the version checks. A checkout of
   * this repository is read as its `rules/` and `questionnaires/` folders only.
   */
  baselineDir?: string;
}

/**
 * The extent to which a file was checked: `full` when the loader of its kind read it,
 * `unparsed` when it is not valid YAML or JSON, `unknownKind` when its `kind` is missing or
 * names no kind of rule file. Files of the last two are errors, because nothing in them was checked.
 */
export type CheckDepth = 'full' | 'unparsed' | 'unknownKind';

export interface ValidatedFile {
  file: string;
  kind?: string;
  id?: string;
  version?: string;
  depth: CheckDepth;
  /** The number of values whose provenance is `provisional`. */
  provisional: number;
}

export interface ValidationReport {
  files: ValidatedFile[];
  /** Every finding, sorted by file, line and column. */
  findings: Finding[];
}

/**
 * Validates rule files and returns every finding, not only the first. Findings cover YAML
 * syntax, a missing or unknown `kind`, everything the loader of each kind rejects (screening,
 * visibility, access, retention, alternative number, rule tests), provisional values, and with
 * a baseline the version discipline. Throws InputError when a path or the baseline folder does
 * not exist, when a path is neither a regular file nor a folder, when the paths contain no rule
 * file at all, or when the baseline contains no rule file with a kind, an id and a version.
 */
export async function validateRuleFiles(options: ValidateOptions): Promise<ValidationReport> {
  const discovered = await discoverRuleFiles(options.paths.flatMap(contentFolders));
  if (discovered.findings.length > 0) throw new InputError(discovered.findings);
  if (discovered.files.length === 0) throw new InputError([errorFinding('validate:noRuleFiles', { paths: [...options.paths] })]);
  if (options.baselineDir !== undefined) await requireFolder(options.baselineDir);

  const { documents, findings } = await readRuleDocuments(discovered.files);
  const known = documents.filter((document) => isKnownKind(document.kind));
  findings.push(...documents.filter((document) => !isKnownKind(document.kind)).map(unknownKindFinding));
  findings.push(...(await knownKindFindings(known)));
  findings.push(...provenanceFindings(known, options.strict ?? false));

  if (options.baselineDir !== undefined) {
    const baselineFiles = await discoverRuleFiles(contentFolders(options.baselineDir));
    if (baselineFiles.findings.length > 0) throw new InputError(baselineFiles.findings);
    const baseline = await readRuleDocuments(baselineFiles.files);
    if (!hasComparableDocuments(baseline.documents)) {
      throw new InputError([errorFinding('validate:baselineEmpty', { dir: options.baselineDir }, { file: options.baselineDir })]);
    }
    findings.push(...unreadableBaselineFindings(baseline.findings));
    findings.push(...baselineDuplicateFindings(baseline.documents));
    findings.push(...versionFindings(known, baseline.documents));
  }

  const files = discovered.files.map((file) => validatedFile(file, documents.find((candidate) => candidate.file === file)));
  return { files, findings: sortFindings(findings, discovered.files) };
}

function validatedFile(file: string, document: RuleDocument | undefined): ValidatedFile {
  if (document === undefined) return { file, depth: 'unparsed', provisional: 0 };
  const { kind, id, version } = document;
  return {
    file,
    ...(kind === undefined ? {} : { kind }),
    ...(id === undefined ? {} : { id }),
    ...(version === undefined ? {} : { version }),
    depth: isKnownKind(kind) ? 'full' : 'unknownKind',
    provisional: provisionalPaths(document.document.data).length,
  };
}

async function requireFolder(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new InputError([errorFinding('validate:baselineNotFound', { dir }, { file: dir })]);
}

/** Orders findings by the position of their file in `files`, then by line and column. */
function sortFindings(findings: readonly Finding[], files: readonly string[]): Finding[] {
  const rank = (finding: Finding) => {
    const index = finding.file === undefined ? -1 : files.indexOf(finding.file);
    return index === -1 ? files.length : index;
  };
  return [...findings].sort(
    (a, b) => rank(a) - rank(b) || (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}
