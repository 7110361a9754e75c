import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import cliProgress from 'cli-progress';
import { diffAnswerSets, openAnswerSource, renderDiffJson, renderDiffText, type DiffProgress, type DiffReport } from '../../diff/index.js';
import { loadCatalogFromFolder } from '../../ruleset/index.js';
import type { CliContext } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { displayPath, relativeFiles, requireExisting } from './validate.js';

export interface DiffCommandOptions {
  base: string;
  head: string;
  answers: string;
  as?: string;
  baseAs?: string;
  limit: number;
  format: 'text' | 'json';
}

/** Compares two rule sets over answer sets; returns 1 when an outcome changed, like `git diff --exit-code`. */
export async function runDiff(options: DiffCommandOptions, context: CliContext): Promise<number> {
  const cwd = context.io.cwd;
  requireExisting([options.base, options.head, options.answers], cwd);

  const report = await (async () => {
    const base = await loadCatalogFromFolder(resolve(cwd, options.base), { missingTexts: 'warning' });
    const head = await loadCatalogFromFolder(resolve(cwd, options.head), { missingTexts: 'warning' });
    const source = await openAnswerSource(resolve(cwd, options.answers));
    const progress = progressBar(context);
    try {
      return await diffAnswerSets({
        base,
        head,
        records: source.records(),
        sourceProgress: source.progress,
        listLimit: options.limit,
        ...(options.as === undefined ? {} : { headAs: options.as }),
        ...(options.baseAs === undefined ? {} : { baseAs: options.baseAs }),
        ...(progress ? { onProgress: progress.update } : {}),
      });
    } finally {
      progress?.stop();
    }
  })().catch((error: unknown) => {
    throw relativeFiles(error, cwd);
  });

  const shown: DiffReport = {
    ...report,
    changed: report.changed.map((entry) => ({ ...entry, file: displayPath(entry.file, cwd), answerSet: displayPath(entry.answerSet, cwd) })),
  };
  context.out(options.format === 'json' ? renderDiffJson(shown) : renderDiffText(shown, context.translator()));
  return report.answerSets.changed > 0 ? ExitCode.failure : ExitCode.ok;
}

export function registerDiffCommand(program: Command, context: CliContext): void {
  program
    .command('diff')
    .description('screen answer sets under two rule sets and report which outcomes change')
    .requiredOption('--base <dir>', 'folder with the rule files before the change')
    .requiredOption('--head <dir>', 'folder with the rule files after the change')
    .requiredOption('--answers <path>', 'a folder of answer files, a JSON-lines file (.jsonl) or a CSV file (.csv) with a questionnaire column and one column per item; CSV cells are separated by commas, or by semicolons when the header line contains no comma')
    .option('--as <questionnaire>', 'screen every answer set on the head side with this questionnaire version, for example bib-screening@2.0.0')
    .option('--base-as <questionnaire>', 'screen every answer set on the base side with this questionnaire version')
    .option('--limit <n>', 'list at most this many changed answer sets (all are counted)', parseLimit, 1000)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      '\nAn answer set is screened on each side with the rule set of its own questionnaire version. A side without that\n' +
        'version uses its only version of the same questionnaire, or the one named by --as (head) or --base-as (base).\n' +
        'Answers are carried over by item id: items the target version does not ask are ignored, items only the target\n' +
        'asks stay unanswered.\n\nA folder that contains rules/ or questionnaires/, such as the repository root, is read as those two folders\n' +
        'only, so examples and test fixtures beside them are left out; any other folder is read whole.\n\n' +
        'A key given twice in one JSON object and a column named twice in the CSV header are invalid input.\n\n' +
        'Exit status: 0 when no outcome changed, 1 when one did, 2 for invalid input.\n\n' +
        'Examples:\n  bib diff --base examples/diff/base --head examples/diff/head --answers examples/diff/answers\n' +
        '  bib diff --base examples/diff/base --head . --answers examples/diff/answers --format json\n' +
        '  # compare the working tree with branch main, extracted to ../rules-main:\n' +
        '  mkdir ../rules-main && git archive main rules questionnaires | tar -x -C ../rules-main\n' +
        '  bib diff --base ../rules-main --head . --answers examples/diff/answers',
    )
    .action(async (flags: { base: string; head: string; answers: string; as?: string; baseAs?: string; limit: number; format: 'text' | 'json' }) => {
      context.exitCode = await runDiff(flags, context);
    });
}

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 0) throw new InvalidArgumentError('expected a whole number, 0 or more');
  return limit;
}

/** Creates a progress bar on standard error when it is a terminal, and none in a pipe or a log file. */
function progressBar(context: CliContext): { update: (progress: DiffProgress) => void; stop: () => void } | undefined {
  const stderr = context.io.stderr;
  if (!stderr.isTTY) return undefined;

  const bar = new cliProgress.SingleBar(
    {
      stream: stderr as NodeJS.WritableStream,
      format: `${context.t('validate:diff.progress')} |{bar}| {percentage}% | {sets}`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (progress) => {
      const sets = context.t('validate:diff.answerSetCount', { count: progress.answerSets });
      const total = Math.max(progress.source?.total ?? 0, 1);
      if (!started) {
        bar.start(total, 0, { sets });
        started = true;
      }
      bar.setTotal(total);
      bar.update(progress.source?.completed ?? 0, { sets });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
