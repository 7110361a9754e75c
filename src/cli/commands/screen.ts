import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { loadCatalogFromFolder, loadShippedCatalog } from '../../ruleset/index.js';
import { evaluateScreening, readAnswersFile } from '../../screening/index.js';
import { errorFinding, InputError } from '../../findings/index.js';
import { civilDateAt, parseCivilDate, type CivilDate } from '../../periods/index.js';
import { renderHtml } from '../../render/html/index.js';
import { renderScreeningJson } from '../../render/screening-json.js';
import { renderScreeningText } from '../../render/screening-text.js';
import { loadShippedVisibilityRules, loadVisibilityRules, readSuspicionNotes, viewResult } from '../../visibility/index.js';
import type { CliContext } from '../context.js';
import { terminalStyle } from '../terminal-style.js';

export interface ScreenOptions {
  answersFile: string;
  format: 'text' | 'json' | 'html';
  rulesDir?: string;
  /** Date printed on the HTML page, `YYYY-MM-DD`; today in Brussels when absent. */
  date?: string;
  /** Role of the viewer in the visibility rules: `A` sees everything, `B` no health data, `none` nothing. */
  role: string;
  visibilityFile?: string;
  /** File of suspicion notes; the viewer reads all of them with role A, only their own with role B. */
  suspicionsFile?: string;
  /** The viewer's id, which decides which suspicion notes are theirs. */
  viewerId?: string;
  /** The viewer is her named care coordinator (used by the care-coordinator exception). */
  careCoordinator?: boolean;
  /** She has explicitly allowed this viewer to see all her data (used by the same exception). */
  explicitPermission?: boolean;
}

/** Screens one answers file and writes the result; input errors are thrown as InputError. */
export async function runScreen(options: ScreenOptions, context: CliContext): Promise<number> {
  // JSON needs no texts, so a researcher's new option can be screened before it is translated.
  const missingTexts = options.format === 'json' ? 'warning' : 'error';
  const catalog = options.rulesDir ? await loadCatalogFromFolder(resolve(context.io.cwd, options.rulesDir), { missingTexts }) : await loadShippedCatalog();
  const { answerSet, ruleSet } = await readAnswersFile(resolve(context.io.cwd, options.answersFile), catalog).catch((error: unknown) => {
    throw relabelFile(error, options.answersFile);
  });
  if (options.date !== undefined && options.format !== 'html') throw new InputError([errorFinding('cli.dateWithoutHtml', {})]);
  const date = pageDate(options.date);
  const visibility = options.visibilityFile ? await loadVisibilityRules(resolve(context.io.cwd, options.visibilityFile)) : await loadShippedVisibilityRules();
  const result = await evaluateScreening(ruleSet, answerSet);
  const suspicions = options.suspicionsFile ? await readSuspicionNotes(resolve(context.io.cwd, options.suspicionsFile), ruleSet) : [];
  const viewer = {
    role: options.role,
    ...(options.viewerId ? { id: options.viewerId } : {}),
    ...(options.careCoordinator ? { careCoordinator: true } : {}),
    ...(options.explicitPermission ? { explicitPermission: true } : {}),
  };
  const view = await viewResult(result, viewer, { ruleSet, visibility, suspicions });

  if (options.format === 'json') {
    context.out(renderScreeningJson(view));
  } else if (options.format === 'html') {
    const itemOrder = ruleSet.questionnaire.items.map((item) => item.id);
    // The page is hers to take home: professionals' suspicion notes stay off it.
    context.out(renderHtml({ ...view, suspicions: [] }, context.translator(), { date, priorities: ruleSet.priorities, itemOrder }));
  } else {
    const allCategories = ruleSet.questionnaire.categories;
    context.out(renderScreeningText(view, context.translator(), { priorities: ruleSet.priorities, style: terminalStyle(context), allCategories }));
  }
  return 0;
}

export function registerScreenCommand(program: Command, context: CliContext): void {
  program
    .command('screen')
    .description('screen one answers file (YAML or JSON) and print indicators and care paths')
    .argument('<answers-file>', 'answers in the public format: questionnaire, answers, followUps')
    .addOption(new Option('--format <format>', 'output format; html is a printable page for her').choices(['text', 'json', 'html']).default('text'))
    .option('--date <date>', 'date printed on the html page, YYYY-MM-DD (default: today in Brussels)')
    .option('--rules <dir>', 'folder of rule files to use instead of the shipped ones (a copy of rules/ and questionnaires/)')
    .option('--role <role>', 'role of the viewer: A (medical secrecy, sees all), B (non-medical secrecy, no health data), none (no access)', 'A')
    .option('--visibility <file>', 'visibility rule file to use instead of rules/visibility/visibility-rules.yaml')
    .option('--suspicions <file>', 'suspicion notes (kind SuspicionNotes) to show to the viewer: all with role A, only their own with role B')
    .option('--viewer <id>', 'id of the viewer, who reads their own suspicion notes')
    .option('--care-coordinator', 'the viewer is her named care coordinator (counts only when the visibility rules enable that exception)')
    .option('--permission', 'she has explicitly allowed this viewer to see all her data (same exception)')
    .addHelpText('after', '\nExamples:\n  bib screen examples/answers/housing-and-mental-health.yaml\n  bib --locale fr screen answers.yaml --format json')
    .action(async (answersFile: string, flags: { format: 'text' | 'json' | 'html'; rules?: string; role: string; visibility?: string; date?: string; suspicions?: string; viewer?: string; careCoordinator?: boolean; permission?: boolean }) => {
      context.exitCode = await runScreen(
        {
          answersFile,
          format: flags.format,
          role: flags.role,
          ...(flags.rules ? { rulesDir: flags.rules } : {}),
          ...(flags.visibility ? { visibilityFile: flags.visibility } : {}),
          ...(flags.date ? { date: flags.date } : {}),
          ...(flags.suspicions ? { suspicionsFile: flags.suspicions } : {}),
          ...(flags.viewer ? { viewerId: flags.viewer } : {}),
          ...(flags.careCoordinator ? { careCoordinator: true } : {}),
          ...(flags.permission ? { explicitPermission: true } : {}),
        },
        context,
      );
    });
}

/** Reads `--date`; only the CLI may read the clock, for the default. */
function pageDate(text: string | undefined): CivilDate {
  if (text === undefined) return civilDateAt(new Date());
  const date = parseCivilDate(text);
  if (!date) throw new InputError([errorFinding('cli.invalidDate', { value: text })]);
  return date;
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
