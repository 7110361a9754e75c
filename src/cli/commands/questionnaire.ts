import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { select, Separator } from '@inquirer/prompts';
import type { Command } from 'commander';
import { errorFinding, InputError } from '../../findings/index.js';
import { isLocale, supportedLocales, type Locale, type Translator } from '../../i18n/index.js';
import { loadCatalogFromFolder, loadShippedCatalog, type RuleSetCatalog } from '../../ruleset/index.js';
import { evaluateScreening, prepareAnswers, type AnswerSet } from '../../screening/index.js';
import { renderScreeningText } from '../../render/screening-text.js';
import { terminalStyle } from '../terminal-style.js';
import { loadShippedVisibilityRules, viewResult } from '../../visibility/index.js';
import {
  chooseRuleSet,
  formatAnswersFile,
  outlineQuestionnaire,
  QuestionnaireWalk,
  renderOutline,
  renderOutlineColumns,
  writeFileAtomically,
  type WalkStep,
} from '../../editor/index.js';
import type { CliContext } from '../context.js';
import { ExitCode } from '../exit-codes.js';

/** Exit status after Ctrl-C, as shells report a process ended by SIGINT (128 + 2). */
const interruptedExitCode = 130;

/** The value of the "previous question" choice. Option codes are lower-case ids, so none can equal it. */
const backChoice = '<back>';

const defaultWidth = 120;

export interface QuestionnaireShowOptions {
  version?: string;
  /** Two languages separated by a comma, such as `nl,fr`, to print side by side. */
  compare?: string;
  rulesDir?: string;
}

export interface QuestionnaireRunOptions {
  version?: string;
  /** Path of the answers file to write at the end, in the public answers format. */
  savePath?: string;
  /** Replace an existing file at `savePath`; without it, an existing file is refused. */
  overwrite?: boolean;
  rulesDir?: string;
}

/** Prints the questionnaire in the chosen language, or in two languages side by side. */
export async function runQuestionnaireShow(options: QuestionnaireShowOptions, context: CliContext): Promise<number> {
  const ruleSet = chooseRuleSet(await loadCatalog(options.rulesDir, context), options.version);

  if (options.compare === undefined) {
    context.out(renderOutline(outlineQuestionnaire(ruleSet, context.translator())));
    return ExitCode.ok;
  }

  const [left, right] = parseComparedLanguages(options.compare);
  const width = (context.io.stdout as { columns?: number }).columns ?? defaultWidth;
  const leftRows = outlineQuestionnaire(ruleSet, context.translator(left));
  const rightRows = outlineQuestionnaire(ruleSet, context.translator(right));
  context.out(renderOutlineColumns(leftRows, rightRows, [left, right], width));
  return ExitCode.ok;
}

function parseComparedLanguages(value: string): [Locale, Locale] {
  const parts = value.split(',').map((part) => part.trim());
  const [left, right] = parts;
  if (parts.length !== 2 || !isLocale(left) || !isLocale(right) || left === right) {
    throw new InputError([errorFinding('editor:questionnaire.badCompare', { value, supported: [...supportedLocales] })]);
  }
  return [left, right];
}

/**
 * Walks her through the questionnaire in the terminal, then the follow-up questions of the
 * triggered care paths, and prints the result as `bib screen` does. With `savePath` the
 * answers are written at the end, in one atomic step. Without a terminal it stops with a
 * message that points to `bib screen` (exit 2); Ctrl-C stops without writing (exit 130).
 */
export async function runQuestionnaireRun(options: QuestionnaireRunOptions, context: CliContext): Promise<number> {
  if (!context.io.stdinIsTTY || !context.io.stdout.isTTY) {
    throw new InputError([errorFinding('editor:questionnaire.needsTerminal', {})]);
  }
  const catalog = await loadCatalog(options.rulesDir, context);
  const ruleSet = chooseRuleSet(catalog, options.version);
  const savePath = options.savePath === undefined ? undefined : resolve(context.io.cwd, options.savePath);
  if (savePath) await requireSaveFolder(savePath, options.savePath!, options.overwrite === true);

  const translator = context.translator();
  const { t } = translator;
  context.out(t('editor:run.intro', { title: t('questionnaire:title'), id: ruleSet.questionnaire.id, version: ruleSet.questionnaire.version, back: t('editor:run.back') }) + '\n\n');

  let answerSet: AnswerSet;
  try {
    answerSet = await askEveryQuestion(await QuestionnaireWalk.start(ruleSet), translator, context);
  } catch (error) {
    if (error instanceof Error && error.name === 'ExitPromptError') {
      context.err(t('editor:run.cancelled') + '\n');
      return interruptedExitCode;
    }
    throw error;
  }

  // The answers go through the same check as `bib screen`, so the saved file screens alike.
  const publicAnswers = {
    questionnaire: `${answerSet.questionnaire.id}@${answerSet.questionnaire.version}`,
    answers: answerSet.answers,
    followUps: answerSet.followUps,
  };
  const prepared = prepareAnswers(publicAnswers, catalog);
  if (savePath) {
    await writeFileAtomically(savePath, formatAnswersFile(prepared.answerSet, ruleSet.questionnaire.items.map((item) => item.id)));
  }

  const result = await evaluateScreening(prepared.ruleSet, prepared.answerSet);
  const view = await viewResult(result, { role: 'A' }, { ruleSet: prepared.ruleSet, visibility: await loadShippedVisibilityRules() });
  context.out('\n' + renderScreeningText(view, translator, { priorities: prepared.ruleSet.priorities, style: terminalStyle(context) }));
  if (savePath) context.out('\n' + t('editor:run.saved', { file: options.savePath }) + '\n');
  return ExitCode.ok;
}

async function askEveryQuestion(walk: QuestionnaireWalk, translator: Translator, context: CliContext): Promise<AnswerSet> {
  const { t } = translator;
  let followUpsAnnounced = false;

  for (let step = walk.current(); step; step = walk.current()) {
    if (step.kind === 'followUp' && !followUpsAnnounced) {
      context.out('\n' + t('editor:run.followUpsIntro') + '\n');
      followUpsAnnounced = true;
    }
    if (step.kind === 'item') followUpsAnnounced = false;

    const value = await select(
      {
        message: promptMessage(step, translator),
        choices: promptChoices(step, translator),
        ...(step.previous ? { default: step.previous } : {}),
        pageSize: 12,
        loop: false,
        theme: { style: { keysHelpTip: () => t('editor:run.keysHelp') } },
      },
      { input: process.stdin, output: process.stdout, clearPromptOnDone: false },
    );
    if (value === backChoice) walk.back();
    else await walk.answer(value);
  }
  return walk.answerSet();
}

function promptMessage(step: WalkStep, translator: Translator): string {
  const { t } = translator;
  if (step.kind === 'item') {
    const progress = t('editor:run.progress', { position: step.position, total: step.total });
    return `${progress} · ${t(`questionnaire:items.${step.item.id}.question`)}`;
  }
  const progress = t('editor:run.followUpProgress', { position: step.position, total: step.total });
  const carePath = t(`screening:carePaths.${step.followUp.carePath}.name`);
  return `${progress} (${carePath}) · ${t(`questionnaire:followUps.${step.followUp.id}.question`)}`;
}

function promptChoices(step: WalkStep, translator: Translator): (Separator | { value: string; name: string })[] {
  const { t } = translator;
  const choices: (Separator | { value: string; name: string })[] =
    step.kind === 'item'
      ? step.item.options.map((option) => ({ value: option, name: t(`questionnaire:items.${step.item.id}.options.${option}`) }))
      : ['yes', 'no'].map((option) => ({ value: option, name: t(`questionnaire:followUps.${step.followUp.id}.options.${option}`) }));

  choices.push({ value: 'declined', name: t('questionnaire:declined') });
  if (step.canGoBack) choices.push(new Separator(), { value: backChoice, name: t('editor:run.back') });
  return choices;
}

async function requireSaveFolder(file: string, typed: string, overwrite: boolean): Promise<void> {
  const folder = dirname(file);
  const folderIsDirectory = await stat(folder).then((info) => info.isDirectory(), () => false);
  if (!folderIsDirectory) throw new InputError([errorFinding('editor:questionnaire.saveFolderMissing', { file: typed, dir: dirname(typed) })]);

  const targetIsDirectory = await stat(file).then((info) => info.isDirectory(), () => false);
  if (targetIsDirectory) throw new InputError([errorFinding('editor:questionnaire.saveIsFolder', { file: typed })]);

  // Checked before the first question, so nobody answers a whole questionnaire in vain.
  const targetExists = await stat(file).then(() => true, () => false);
  if (targetExists && !overwrite) throw new InputError([errorFinding('editor:questionnaire.saveExists', { file: typed })]);
}

async function loadCatalog(rulesDir: string | undefined, context: CliContext): Promise<RuleSetCatalog> {
  return rulesDir ? loadCatalogFromFolder(resolve(context.io.cwd, rulesDir)) : loadShippedCatalog();
}

export function registerQuestionnaireCommand(program: Command, context: CliContext): void {
  const questionnaire = program.command('questionnaire').description('show the questionnaire or walk through it in the terminal');

  questionnaire
    .command('show')
    .description('print the whole questionnaire: items in order, options, and when an item is skipped')
    .option('--compare <languages>', 'two languages side by side, separated by a comma, such as nl,fr')
    .option('--version <version>', 'questionnaire version, such as 1.0.0 (default: the latest)')
    .option('--rules <dir>', 'folder of rule files to use instead of the shipped ones')
    .addHelpText('after', '\nExamples:\n  bib questionnaire show --locale fr\n  bib questionnaire show --compare nl,fr --version 1.0.0')
    .action(async (flags: { compare?: string; version?: string; rules?: string }) => {
      context.exitCode = await runQuestionnaireShow(
        {
          ...(flags.compare !== undefined ? { compare: flags.compare } : {}),
          ...(flags.version !== undefined ? { version: flags.version } : {}),
          ...(flags.rules !== undefined ? { rulesDir: flags.rules } : {}),
        },
        context,
      );
    });

  questionnaire
    .command('run')
    .description('ask every question in the terminal, then the follow-up questions, and print the result (needs a terminal; for files use bib screen)')
    .option('--save <answers-file>', 'write the answers to this YAML file at the end, for bib screen')
    .option('--overwrite', 'with --save, replace the file when it already exists')
    .option('--version <version>', 'questionnaire version, such as 1.0.0 (default: the latest)')
    .option('--rules <dir>', 'folder of rule files to use instead of the shipped ones')
    .addHelpText('after', '\nExit status: 0 when finished, 2 without a terminal or for a bad option, 130 after Ctrl-C (nothing is saved).\n\nExample:\n  bib questionnaire run --locale fr --save answers.yaml')
    .action(async (flags: { save?: string; overwrite?: boolean; version?: string; rules?: string }) => {
      context.exitCode = await runQuestionnaireRun(
        {
          ...(flags.save !== undefined ? { savePath: flags.save } : {}),
          ...(flags.overwrite ? { overwrite: true } : {}),
          ...(flags.version !== undefined ? { version: flags.version } : {}),
          ...(flags.rules !== undefined ? { rulesDir: flags.rules } : {}),
        },
        context,
      );
    });
}
