import { stat } from 'node:fs/promises';
import { errorFinding, InputError, type Finding } from '../findings/index.js';
import { loadCatalog } from '../ruleset/index.js';
import { discoverRuleFiles } from '../ruleset/discover.js';
import { unreadableBaselineFindings, versionFindings } from './baseline.js';
import { otherKindFindings, schemaNameOfKind, screeningKinds } from './other-kinds.js';
import { provenanceFindings, provisionalPaths } from './provenance.js';
import { readRuleDocuments } from './rule-documents.js';

export interface ValidateOptions {
  /** Files or folders of rule files; folders are searched for `.yaml`, `.yml` and `.json` files. */
  paths: readonly string[];
  /** Turns every provisional value into an error, as a release requires. */
  strict?: boolean;
  /** A folder with an earlier copy of the rule files, for the version checks. */
  baselineDir?: string;
}

/** Depth of the checks a file got: in full, against the JSON Schema of its kind, or as YAML only. */
export type CheckDepth = 'rules' | 'schema' | 'syntax';

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
 * Validates rule files and returns every finding, not only the first: YAML syntax, the JSON
 * Schema of each kind, the semantic checks of screening rule sets, provisional values, and
 * with a baseline the version discipline. Throws InputError when a path or the baseline
 * folder does not exist.
 */
export async function validateRuleFiles(options: ValidateOptions): Promise<ValidationReport> {
  const discovered = await discoverRuleFiles(options.paths);
  if (discovered.findings.length > 0) throw new InputError(discovered.findings);
  if (options.baselineDir !== undefined) await requireFolder(options.baselineDir);

  const { findings } = await loadCatalog(discovered.files);
  const { documents } = await readRuleDocuments(discovered.files);
  findings.push(...otherKindFindings(documents));
  findings.push(...provenanceFindings(documents, options.strict ?? false));

  if (options.baselineDir !== undefined) {
    const baselineFiles = await discoverRuleFiles([options.baselineDir]);
    const baseline = await readRuleDocuments(baselineFiles.files);
    findings.push(...unreadableBaselineFindings(baseline.findings));
    findings.push(...versionFindings(documents, baseline.documents));
  }

  const files = discovered.files.map((file): ValidatedFile => {
    const document = documents.find((candidate) => candidate.file === file);
    const kind = document?.kind;
    const depth: CheckDepth = kind === undefined ? 'syntax' : screeningKinds.includes(kind) ? 'rules' : schemaNameOfKind(kind) ? 'schema' : 'syntax';
    return {
      file,
      ...(kind === undefined ? {} : { kind }),
      ...(document?.id === undefined ? {} : { id: document.id }),
      ...(document?.version === undefined ? {} : { version: document.version }),
      depth,
      provisional: document ? provisionalPaths(document.document.data).length : 0,
    };
  });
  return { files, findings: sortFindings(findings, discovered.files) };
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
