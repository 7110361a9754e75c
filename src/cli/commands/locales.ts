import { isAbsolute, relative, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { Finding } from '../../findings/index.js';
import { checkLocales, type LocaleCheckReport } from '../../i18n/check/index.js';
import { renderFindingsText } from '../../render/findings-text.js';
import type { CliContext } from '../context.js';
import { ExitCode } from '../exit-codes.js';

export interface LocalesCheckOptions {
  format: 'text' | 'json';
  /** Folder with one sub-folder per language. Default: the shipped `locales/`. */
  localesDir?: string;
  /** Folder of questionnaires and screening rules. Default: the shipped ones. */
  rulesDir?: string;
}

/**
 * Checks the texts of every language and prints each problem. Returns 1 when any text is
 * missing or inconsistent and 0 when all languages are complete. Warnings alone do not fail.
 */
export async function runLocalesCheck(options: LocalesCheckOptions, context: CliContext): Promise<number> {
  const cwd = context.io.cwd;
  const report = await checkLocales({
    ...(options.localesDir ? { localesDir: resolve(cwd, options.localesDir) } : {}),
    ...(options.rulesDir ? { contentPaths: [resolve(cwd, options.rulesDir)] } : {}),
  });
  const findings = report.findings.map((finding) => withDisplayPaths(finding, cwd));
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.length - errors;

  if (options.format === 'json') {
    context.out(JSON.stringify(jsonReport(report, findings, cwd, errors, warnings), null, 2) + '\n');
  } else {
    context.out(renderFindingsText(findings, context.translator()));
    const summary = errors > 0
      ? context.t('editor:locales.summary.errors', { count: errors, locales: report.locales })
      : context.t('editor:locales.summary.clean', { locales: report.locales });
    const warningLine = warnings > 0 ? ' ' + context.t('editor:locales.summary.warnings', { count: warnings }) : '';
    context.out(summary + warningLine + '\n');
  }
  return errors > 0 ? ExitCode.failure : ExitCode.ok;
}

function jsonReport(report: LocaleCheckReport, findings: Finding[], cwd: string, errors: number, warnings: number) {
  return {
    ok: errors === 0,
    localesDir: displayPath(report.localesDir, cwd),
    locales: report.locales,
    errors,
    warnings,
    findings,
  };
}

/** Shows files under the working folder relative to it, as the user would type them. */
function withDisplayPaths(finding: Finding, cwd: string): Finding {
  const params = { ...finding.params };
  for (const name of ['file', 'dir', 'source']) {
    const value = params[name];
    if (typeof value === 'string' && value !== '') params[name] = displayPath(value, cwd);
  }
  return { ...finding, ...(finding.file ? { file: displayPath(finding.file, cwd) } : {}), params };
}

function displayPath(path: string, cwd: string): string {
  if (!isAbsolute(path)) return path;
  const relativePath = relative(cwd, path);
  return relativePath === '' || relativePath.startsWith('..') || isAbsolute(relativePath) ? path : relativePath;
}

export function registerLocalesCommand(program: Command, context: CliContext): void {
  const locales = program.command('locales').description('check the translations in locales/');

  locales
    .command('check')
    .description('check that every language has every text, with the same variables and all plural forms')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--locales-dir <dir>', 'folder with one sub-folder per language (default: the shipped locales/)')
    .option('--rules <dir>', 'folder of questionnaires and screening rules whose items need texts (default: the shipped ones)')
    .addHelpText('after', '\nExit status: 0 when every text is present, 1 when a text is missing or inconsistent, 2 for a bad invocation.\n\nExamples:\n  bib locales check\n  bib locales check --format json --locales-dir my-locales --rules my-rules')
    .action(async (flags: { format: 'text' | 'json'; localesDir?: string; rules?: string }) => {
      context.exitCode = await runLocalesCheck(
        {
          format: flags.format,
          ...(flags.localesDir ? { localesDir: flags.localesDir } : {}),
          ...(flags.rules ? { rulesDir: flags.rules } : {}),
        },
        context,
      );
    });
}
