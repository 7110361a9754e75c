import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { InputError } from '../../findings/index.js';
import { packageRoot } from '../../package-root.js';
import { loadCatalog } from '../../ruleset/index.js';
import { renderRuleTestJson, renderRuleTestText, runRuleTests, type RuleTestReport } from '../../ruletest/index.js';
import type { CliContext } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { defaultRulePaths, displayPath, relativeFiles, requireExisting } from './validate.js';

export interface TestCommandOptions {
  /** The folder or file of test cases as typed; by default `rules/tests`. */
  dir?: string;
  /** Folders of rule files as typed; by default those `bib validate` reads. */
  rules: string[];
  coverage: boolean;
  format: 'text' | 'json';
}

/** Runs the declarative rule tests; returns 1 when a case fails. */
export async function runTest(options: TestCommandOptions, context: CliContext): Promise<number> {
  const cwd = context.io.cwd;
  requireExisting([...(options.dir === undefined ? [] : [options.dir]), ...options.rules], cwd);

  const rulePaths = options.rules.length > 0 ? options.rules.map((path) => resolve(cwd, path)) : defaultRulePaths(cwd);
  const { catalog, findings } = await loadCatalog(rulePaths);
  if (!catalog) throw relativeFiles(new InputError(findings.filter((finding) => finding.severity === 'error')), cwd);

  const testPath = options.dir === undefined ? defaultTestPath(cwd) : resolve(cwd, options.dir);
  const report = await runRuleTests({ paths: [testPath], catalog, coverage: options.coverage }).catch((error: unknown) => {
    throw relativeFiles(error, cwd);
  });

  const shown: RuleTestReport = {
    ...report,
    files: report.files.map((file) => displayPath(file, cwd)),
    cases: report.cases.map((result) => ({ ...result, file: displayPath(result.file, cwd) })),
  };
  context.out(options.format === 'json' ? renderRuleTestJson(shown) : renderRuleTestText(shown, context.translator()));
  return report.summary.failed > 0 ? ExitCode.failure : ExitCode.ok;
}

export function registerTestCommand(program: Command, context: CliContext): void {
  program
    .command('test')
    .description('run the declarative test cases of the rule sets and show expected against actual values')
    .argument('[dir]', 'folder or file of test cases (default: rules/tests of the working folder, else the shipped ones)')
    .addOption(
      new Option('--rules <dir...>', 'folders of rule files under test')
        .default([], 'rules/ and questionnaires/ of the working folder, else the shipped ones'),
    )
    .option('--coverage', 'report per indicator whether cases sit at the threshold and just below it, and per care path whether one triggers it', false)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExit status: 0 when every case passes, 1 when a case fails, 2 for invalid test files or rule files.\n\nExamples:\n  bib test\n  bib test rules/tests --coverage\n  bib test my-cases.yaml --rules my-rules --format json')
    .action(async (dir: string | undefined, flags: { rules: string[]; coverage: boolean; format: 'text' | 'json' }) => {
      context.exitCode = await runTest({ ...(dir === undefined ? {} : { dir }), rules: flags.rules, coverage: flags.coverage, format: flags.format }, context);
    });
}

/** `rules/tests` of the working folder when it exists, otherwise the shipped test cases. */
function defaultTestPath(cwd: string): string {
  const local = join(cwd, 'rules', 'tests');
  return existsSync(local) ? local : join(packageRoot, 'rules', 'tests');
}
