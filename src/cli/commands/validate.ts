import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { errorFinding, InputError, type Finding } from '../../findings/index.js';
import { packageRoot } from '../../package-root.js';
import { knownKinds, renderValidationJson, renderValidationText, validateRuleFiles, type ValidationReport } from '../../validate/index.js';
import type { CliContext } from '../context.js';
import { ExitCode } from '../exit-codes.js';

export interface ValidateCommandOptions {
  /** Files or folders as typed; none means `rules/` and `questionnaires/` of the working folder. */
  paths: string[];
  strict: boolean;
  baseline?: string;
  format: 'text' | 'json';
}

/** Validates rule files and prints every finding; returns 1 when there is an error. */
export async function runValidate(options: ValidateCommandOptions, context: CliContext): Promise<number> {
  const cwd = context.io.cwd;
  requireExisting([...options.paths, ...(options.baseline === undefined ? [] : [options.baseline])], cwd);
  const paths = options.paths.length > 0 ? options.paths.map((path) => resolve(cwd, path)) : defaultRulePaths(cwd);
  const report = await validateRuleFiles({
    paths,
    strict: options.strict,
    ...(options.baseline === undefined ? {} : { baselineDir: resolve(cwd, options.baseline) }),
  }).catch((error: unknown) => {
    throw relativeFiles(error, cwd);
  });

  const shown: ValidationReport = {
    files: report.files.map((file) => ({ ...file, file: displayPath(file.file, cwd) })),
    findings: report.findings.map((finding) => withDisplayPath(finding, cwd)),
  };
  context.out(options.format === 'json' ? renderValidationJson(shown, context.translator()) : renderValidationText(shown, context.translator()));
  return shown.findings.some((finding) => finding.severity === 'error') ? ExitCode.failure : ExitCode.ok;
}

export function registerValidateCommand(program: Command, context: CliContext): void {
  program
    .command('validate')
    .description('check rule files (schema, semantic checks, provenance, versions) and list every finding')
    .argument('[paths...]', 'rule files or folders (default: rules/ and questionnaires/ of the working folder, else the shipped ones)')
    .option('--strict', 'treat every provisional value as an error, as a release requires', false)
    .option('--baseline <dir>', 'folder with an earlier copy of the rule files: a changed file needs a higher version')
    .addOption(new Option('--format <format>', 'output format: text grouped by file, or a JSON array of findings').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      `\nEvery file needs a kind that bib-core reads, and a file without one is an error. Kinds:\n  ${knownKinds.join(', ')}\n` +
        'A folder that contains rules/ or questionnaires/, such as a checkout of this repository, is read as those two\n' +
        'folders only. This applies to --baseline too, whose files are matched by kind, id and questionnaire, not by\n' +
        'file name. A file whose version and earlier versions are all missing from the baseline gets a warning that it\n' +
        'was not compared.\n\n' +
        'Exit status: 0 without errors, 1 when the rule files have errors, 2 when a path does not exist, is neither a file\n' +
        'nor a folder or contains no rule file, and when the baseline contains no rule file.\n\n' +
        'Examples:\n  bib validate\n  bib validate --strict rules/screening questionnaires\n' +
        '  # compare with the rule files of branch main, extracted to ../rules-main:\n' +
        '  mkdir ../rules-main && git archive main rules questionnaires | tar -x -C ../rules-main\n' +
        '  bib validate --baseline ../rules-main --format json',
    )
    .action(async (paths: string[], flags: { strict: boolean; baseline?: string; format: 'text' | 'json' }) => {
      context.exitCode = await runValidate(
        { paths, strict: flags.strict, format: flags.format, ...(flags.baseline === undefined ? {} : { baseline: flags.baseline }) },
        context,
      );
    });
}

/**
 * Returns the rule folders to read when none are given: `rules/` and `questionnaires/` of the
 * working folder when it has them (a checkout of the content), otherwise the shipped ones.
 */
export function defaultRulePaths(cwd: string): string[] {
  const local = [join(cwd, 'rules'), join(cwd, 'questionnaires')].filter((path) => existsSync(path));
  return local.length > 0 ? local : [join(packageRoot, 'rules'), join(packageRoot, 'questionnaires')];
}

/** Shortens a path to one relative to the working folder when it lies inside it, so output reads as typed. */
export function displayPath(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file;
  const inside = relative(cwd, file);
  return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? file : inside;
}

export function withDisplayPath(finding: Finding, cwd: string): Finding {
  return finding.file === undefined ? finding : { ...finding, file: displayPath(finding.file, cwd) };
}

/** Rewrites the files of an InputError's findings, and a `paths` list in their params, relative to the working folder. */
export function relativeFiles(error: unknown, cwd: string): unknown {
  if (error && typeof error === 'object' && 'findings' in error) {
    const findings = (error as { findings: Finding[] }).findings;
    findings.forEach((finding, index) => {
      const paths = finding.params['paths'];
      const params = Array.isArray(paths) ? { ...finding.params, paths: paths.map((path: string) => displayPath(path, cwd)) } : finding.params;
      findings[index] = withDisplayPath({ ...finding, params }, cwd);
    });
  }
  return error;
}

/** Rejects paths that do not exist, naming each one as the user typed it. */
export function requireExisting(paths: readonly string[], cwd: string): void {
  const missing = paths.filter((path) => !existsSync(resolve(cwd, path)));
  if (missing.length > 0) throw new InputError(missing.map((file) => errorFinding('file.notFound', { file }, { file })));
}
