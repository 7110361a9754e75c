import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { Chalk } from 'chalk';
import { loadCatalogFromFolder, loadShippedCatalog } from '../../ruleset/index.js';
import { evaluateScreening, readAnswersFile } from '../../screening/index.js';
import { renderScreeningJson } from '../../render/screening-json.js';
import { renderScreeningText, type TextStyle } from '../../render/screening-text.js';
import type { CliContext } from '../context.js';

export interface ScreenOptions {
  answersFile: string;
  format: 'text' | 'json';
  rulesDir?: string;
}

/** Screens one answers file and writes the result; input errors are thrown as InputError. */
export async function runScreen(options: ScreenOptions, context: CliContext): Promise<number> {
  const catalog = options.rulesDir ? await loadCatalogFromFolder(resolve(context.io.cwd, options.rulesDir)) : await loadShippedCatalog();
  const { answerSet, ruleSet } = await readAnswersFile(resolve(context.io.cwd, options.answersFile), catalog).catch((error: unknown) => {
    throw relabelFile(error, options.answersFile);
  });
  const result = await evaluateScreening(ruleSet, answerSet);

  if (options.format === 'json') {
    context.out(renderScreeningJson(result));
  } else {
    context.out(renderScreeningText(result, context.translator(), { priorities: ruleSet.priorities, style: terminalStyle(context) }));
  }
  return 0;
}

export function registerScreenCommand(program: Command, context: CliContext): void {
  program
    .command('screen')
    .description('screen one answers file (YAML or JSON) and print indicators and care paths')
    .argument('<answers-file>', 'answers in the public format: questionnaire, answers, followUps')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--rules <dir>', 'folder of rule files to use instead of the shipped ones (a copy of rules/ and questionnaires/)')
    .addHelpText('after', '\nExamples:\n  bib screen examples/answers/housing-and-mental-health.yaml\n  bib --locale fr screen answers.yaml --format json')
    .action(async (answersFile: string, flags: { format: 'text' | 'json'; rules?: string }) => {
      context.exitCode = await runScreen(
        { answersFile, format: flags.format, ...(flags.rules ? { rulesDir: flags.rules } : {}) },
        context,
      );
    });
}

/** Findings name the file as the user typed it, not as an absolute path. */
function relabelFile(error: unknown, typed: string): unknown {
  if (error && typeof error === 'object' && 'findings' in error) {
    for (const finding of (error as { findings: { file?: string }[] }).findings) {
      if (finding.file) finding.file = typed;
    }
  }
  return error;
}

function terminalStyle(context: CliContext): TextStyle {
  const chalk = new Chalk({ level: context.io.stdout.isTTY && !context.io.env['NO_COLOR'] ? 1 : 0 });
  const priorityColour: Record<string, (text: string) => string> = {
    urgent: chalk.red.bold,
    high: chalk.yellow,
    normal: chalk.cyan,
    low: chalk.gray,
  };
  return {
    heading: chalk.bold.underline,
    strong: chalk.bold,
    priority: (priority, text) => (priorityColour[priority] ?? ((value: string) => value))(text),
  };
}
