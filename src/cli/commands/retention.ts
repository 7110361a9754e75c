import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { errorFinding, InputError, type Finding } from '../../findings/index.js';
import { addDays, formatCivilDate, parseCivilDate, type CivilDate } from '../../periods/index.js';
import {
  evaluateRetention,
  loadRetentionRules,
  readRetentionRecords,
  type RetentionDecision,
  type RetentionReport,
  type RetentionRuleSet,
} from '../../retention/index.js';
import type { CliContext } from '../context.js';
import { ExitCode } from '../exit-codes.js';

export interface RetentionOptions {
  recordsFile: string;
  asOf: CivilDate;
  format: 'text' | 'json';
  rulesFile?: string;
}

/** Judges every record of a file on the as-of date and prints each last day and a summary. */
export async function runRetention(options: RetentionOptions, context: CliContext): Promise<number> {
  const ruleSet = await loadRules(options.rulesFile, context);
  const read = await readRetentionRecords(resolve(context.io.cwd, options.recordsFile), { ruleSet, asOf: options.asOf });
  if (!read.ok) throw new InputError(relabel(read.findings, options.recordsFile));

  const outcome = await evaluateRetention(read.records, ruleSet, options.asOf);
  if (!outcome.ok) throw new InputError(relabel(outcome.findings, options.recordsFile));

  if (options.format === 'json') context.out(JSON.stringify(reportJson(outcome.report), null, 2) + '\n');
  else context.out(reportText(outcome.report, context));
  return ExitCode.ok;
}

const retentionHelp = `
Every record needs an id of its own and an owner and kind that the rules declare under
recordValues. An event date after --as-of (a letter received on 2025-03-30 when judging on
2024-02-29) is rejected: on the as-of day that event has not happened yet, so either the
date or --as-of is wrong. All problems of a records file are listed at once.

Exit status: 0 when every record was judged, 2 for an invalid records or rules file.

Examples:
  bib retention examples/retention/records.yaml --as-of 2031-03-01
  bib retention records.json --as-of 2026-01-15 --format json`;

export function registerRetentionCommand(program: Command, context: CliContext): void {
  program
    .command('retention')
    .description('print the last day of each record and whether it is due for deletion on a date')
    .argument('<records-file>', 'YAML or JSON records: kind, owner and dates such as accountClosedOn (see schemas/retention-records.schema.json)')
    .requiredOption('--as-of <date>', 'the civil date in Europe/Brussels to judge on, as YYYY-MM-DD; a record with an event date after it is rejected')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--rules <file>', 'retention rule file to use instead of the shipped rules/retention/retention-rules.yaml')
    .addHelpText('after', retentionHelp)
    .action(async (recordsFile: string, flags: { asOf: string; format: 'text' | 'json'; rules?: string }) => {
      context.exitCode = await runRetention(
        { recordsFile, asOf: parseAsOf(flags.asOf), format: flags.format, ...(flags.rules ? { rulesFile: flags.rules } : {}) },
        context,
      );
    });
}

/** Writes dates as `YYYY-MM-DD`, and the day deletion may start next to each last day. */
function reportJson(report: RetentionReport) {
  return {
    asOf: formatCivilDate(report.asOf),
    ruleSet: report.ruleSet,
    records: report.decisions.map((decision) => ({
      id: decision.id,
      kind: decision.kind,
      owner: decision.owner,
      status: decision.status,
      due: decision.due,
      lastDay: decision.lastDay ? formatCivilDate(decision.lastDay) : null,
      deletableFrom: decision.lastDay ? formatCivilDate(addDays(decision.lastDay, 1)) : null,
      rule: decision.rule,
      appliedRules: decision.appliedRules,
      waitingFor: decision.waitingFor,
    })),
    summary: report.summary,
  };
}

function reportText(report: RetentionReport, context: CliContext): string {
  const lines = report.decisions.map((decision) => decisionText(decision, context));
  const { total, due, kept, pending } = report.summary;
  lines.push(
    context.t('retention:report.summary', {
      records: context.t('retention:report.recordCount', { count: total }),
      due: context.t('retention:report.dueCount', { count: due }),
      kept: context.t('retention:report.keptCount', { count: kept }),
      pending: context.t('retention:report.pendingCount', { count: pending }),
      asOf: formatCivilDate(report.asOf),
      ruleSet: report.ruleSet.id,
      version: report.ruleSet.version,
    }),
  );
  return lines.join('\n') + '\n';
}

function decisionText(decision: RetentionDecision, context: CliContext): string {
  const names = { id: decision.id, kind: decision.kind, owner: decision.owner };
  if (decision.lastDay === null) {
    const fields = decision.waitingFor.map((waiting) => waiting.field).join(', ');
    return context.t('retention:report.pending', { ...names, fields });
  }
  const dates = { lastDay: formatCivilDate(decision.lastDay), deletableFrom: formatCivilDate(addDays(decision.lastDay, 1)), rule: decision.rule };
  return context.t(decision.due ? 'retention:report.due' : 'retention:report.kept', { ...names, ...dates });
}

async function loadRules(rulesFile: string | undefined, context: CliContext): Promise<RetentionRuleSet> {
  if (rulesFile === undefined) return loadRetentionRules();
  try {
    return await loadRetentionRules(resolve(context.io.cwd, rulesFile));
  } catch (error) {
    if (error instanceof InputError) throw new InputError(relabel(error.findings, rulesFile), { cause: error });
    throw error;
  }
}

function parseAsOf(text: string): CivilDate {
  const date = parseCivilDate(text);
  if (date === undefined) throw new InputError([errorFinding('retention:cli.badAsOf', { value: text.slice(0, 40) })]);
  return date;
}

/** Findings name the file as the user typed it, not as an absolute path. */
function relabel(findings: readonly Finding[], typed: string): Finding[] {
  return findings.map((finding) => (finding.file !== undefined ? { ...finding, file: typed } : finding));
}
