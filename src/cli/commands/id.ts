import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { errorFinding, InputError, type Finding } from '../../findings/index.js';
import {
  checkNationalNumber,
  deriveAlternativeNumber,
  formatBirthDate,
  formatNationalNumber,
  linkToNationalNumber,
  loadAlternativeNumberRules,
  maskNationalNumber,
  minimumKeyBytes,
  normalizeNationalNumber,
  parsePseudonymKeyText,
  pseudonymizeNationalNumber,
  readNationalNumberList,
  redactNumbers,
  verifyAlternativeNumber,
  type AlternativeNumberRules,
  type NationalNumberCheck,
  type PreviousIdentifier,
  type PseudonymKey,
} from '../../identity/index.js';
import { civilDateAt, type CivilDate } from '../../periods/index.js';
import { readYamlFile } from '../../source/index.js';
import type { CliContext } from '../context.js';
import { ExitCode } from '../exit-codes.js';

/**
 * `bib id`: national and BIS numbers, keyed pseudonyms and the alternative number. A full
 * number is printed only on standard output and only with --show; messages on standard
 * error never contain one. The pseudonym key comes from --key-file or BIB_PSEUDONYM_KEY.
 */

type Format = 'text' | 'json';

export interface IdCheckOptions {
  number?: string;
  file?: string;
  format: Format;
  show: boolean;
  today: CivilDate;
}

export interface IdPseudonymOptions {
  number: string;
  format: Format;
  key: PseudonymKey;
  today: CivilDate;
}

export interface IdAltOptions {
  answersFile?: string;
  verify?: string;
  rulesFile?: string;
  format: Format;
  keyFile?: string;
  today: CivilDate;
}

export interface IdLinkOptions {
  previous: PreviousIdentifier;
  nationalNumber: string;
  rulesFile?: string;
  format: Format;
  key: PseudonymKey;
  today: CivilDate;
}

/** Checks one number, or every number of a file; returns 0 when all are valid, 1 otherwise. */
export async function runIdCheck(options: IdCheckOptions, context: CliContext): Promise<number> {
  if (options.number !== undefined && options.file !== undefined) throw cliInputError('identity:cli.numberAndFile');

  if (options.file !== undefined) {
    const { entries, findings } = await readNationalNumberList(resolve(context.io.cwd, options.file));
    if (findings.length > 0) throw new InputError(relabel(findings, options.file));

    const results = entries.map((entry) => ({ entry, check: checkNationalNumber(entry.text, options.today) }));
    if (options.format === 'json') {
      const reports = results.map(({ entry, check }) => ({ file: options.file, line: entry.line ?? null, ...checkReport(entry.text, check, options.show, context) }));
      context.out(JSON.stringify(reports, null, 2) + '\n');
    } else {
      let text = '';
      for (const { entry, check } of results) text += prefixLines(`${options.file}:${entry.line ?? '?'}: `, checkText(entry.text, check, options.show, context));
      const validCount = results.filter(({ check }) => check.valid).length;
      text += context.t('identity:check.summary', { valid: validCount, invalid: results.length - validCount }) + '\n';
      context.out(text);
    }
    return results.every(({ check }) => check.valid) ? ExitCode.ok : ExitCode.failure;
  }

  if (options.number === undefined) throw cliInputError('identity:cli.noInput');
  const check = checkNationalNumber(options.number, options.today);
  if (options.format === 'json') context.out(JSON.stringify(checkReport(options.number, check, options.show, context), null, 2) + '\n');
  else context.out(checkText(options.number, check, options.show, context));
  return check.valid ? ExitCode.ok : ExitCode.failure;
}

/** Prints the keyed pseudonym of a valid number; an invalid number is an input error. */
export async function runIdPseudonym(options: IdPseudonymOptions, context: CliContext): Promise<number> {
  const result = pseudonymizeNationalNumber(options.number, { key: options.key, today: options.today });
  if (!result.valid) throw new InputError(result.problems.map((problem) => errorFinding(problem.code, problem.params)));

  if (options.format === 'json') context.out(JSON.stringify({ kind: result.kind, pseudonym: result.pseudonym }, null, 2) + '\n');
  else context.out(result.pseudonym + '\n');
  return ExitCode.ok;
}

/** Derives the alternative number from an answers file, or checks a typed code with --verify. */
export async function runIdAlt(options: IdAltOptions, context: CliContext): Promise<number> {
  if (options.answersFile !== undefined && options.verify !== undefined) throw cliInputError('identity:cli.altBoth');
  if (options.answersFile === undefined && options.verify === undefined) throw cliInputError('identity:cli.altNoInput');
  const rules = await loadRules(options.rulesFile, context);

  if (options.verify !== undefined) {
    const check = verifyAlternativeNumber(options.verify, rules);
    const message = check.valid ? context.t('identity:alternativeCode.valid', { code: check.code }) : context.t(check.code, check.params);
    if (options.format === 'json') {
      context.out(JSON.stringify({ valid: check.valid, code: check.valid ? check.code : null, reason: check.valid ? null : check.reason, message }, null, 2) + '\n');
    } else {
      context.out((check.valid ? message : context.t('identity:alternativeCode.invalid', { message })) + '\n');
    }
    return check.valid ? ExitCode.ok : ExitCode.failure;
  }

  const key = await readKey(options.keyFile, context);
  const answersFile = options.answersFile!;
  const parsed = await readYamlFile(resolve(context.io.cwd, answersFile));
  if (!parsed.ok) throw new InputError(relabel(parsed.findings, answersFile));

  const document = { ...parsed.document, file: answersFile };
  const outcome = deriveAlternativeNumber(document.data, { rules, key, today: options.today, document });
  if (!outcome.ok) throw new InputError(outcome.findings);

  if (options.format === 'json') context.out(JSON.stringify(outcome.value, null, 2) + '\n');
  else context.out(outcome.value.code + '\n');
  return ExitCode.ok;
}

/** Links the pseudonym of a BIS number or alternative number to that of a national number. */
export async function runIdLink(options: IdLinkOptions, context: CliContext): Promise<number> {
  const rules = 'alternativeNumber' in options.previous ? await loadRules(options.rulesFile, context) : undefined;
  const outcome = linkToNationalNumber(options.previous, options.nationalNumber, { key: options.key, today: options.today, ...(rules ? { rules } : {}) });
  if (!outcome.ok) throw new InputError(outcome.findings);

  if (options.format === 'json') context.out(JSON.stringify(outcome.link, null, 2) + '\n');
  else context.out(context.t(`identity:linked.${outcome.link.reason}`, { from: outcome.link.from, to: outcome.link.to }) + '\n');
  return ExitCode.ok;
}

export function registerIdCommand(program: Command, context: CliContext): void {
  const id = program
    .command('id')
    .description('check national and BIS numbers, compute keyed pseudonyms and the alternative number (BIBNR)')
    .on('command:*', (operands: string[]) => {
      // Commander would repeat an unknown subcommand in its message, and it may be a number
      // typed in the wrong place, so this listener reports it redacted. No action runs, so
      // the preAction hook that applies --locale does not either.
      context.useLocale(id.optsWithGlobals()['locale']);
      throw new InputError([errorFinding('identity:cli.unknownSubcommand', { word: redactNumbers(operands[0] ?? '') })]);
    });

  id.command('check')
    .description('check a national register or BIS number; exit 0 when valid, 1 when invalid')
    .argument('[number]', 'the number, as 11 digits or in the printed form YY.MM.DD-SSS.CC')
    .option('--file <path>', 'check every number of a CSV file (column "number") or a YAML or JSON list instead')
    .option('--format <format>', 'output format: text or json', 'text')
    .option('--show', 'print the full number instead of the masked form (YY.MM.DD-***.**)', false)
    .addHelpText('after', '\nExamples:\n  bib id check 90.02.01-996.05\n  bib id check --file numbers.csv --format json')
    .action(async (number: string | undefined, flags: { file?: string; format: string; show: boolean }) => {
      context.exitCode = await runIdCheck(
        { ...(number !== undefined ? { number } : {}), ...(flags.file ? { file: flags.file } : {}), format: parseFormat(flags.format), show: flags.show, today: today() },
        context,
      );
    });

  id.command('pseudonym')
    .description('print the keyed pseudonym of a national register or BIS number (needs the pseudonym key)')
    .argument('<number>', 'the number, as 11 digits or in the printed form YY.MM.DD-SSS.CC')
    .option('--key-file <path>', `file with the pseudonym key (hex or base64, at least ${minimumKeyBytes} bytes); default: BIB_PSEUDONYM_KEY`)
    .option('--format <format>', 'output format: text or json', 'text')
    .action(async (number: string, flags: { keyFile?: string; format: string }) => {
      const format = parseFormat(flags.format);
      context.exitCode = await runIdPseudonym({ number, format, key: await readKey(flags.keyFile, context), today: today() }, context);
    });

  id.command('alt')
    .description('print the alternative number (BIBNR) for an answers file, or check a typed one with --verify')
    .argument('[answers-file]', 'YAML or JSON with birth_date, birth_country, first_name and birth_family_name')
    .option('--verify <code>', 'check the check characters of a typed alternative number (no key needed)')
    .option('--key-file <path>', `file with the pseudonym key (hex or base64, at least ${minimumKeyBytes} bytes); default: BIB_PSEUDONYM_KEY`)
    .option('--rules <file>', 'alternative-number rule file to use instead of the shipped rules/identity/bibnr.yaml')
    .option('--format <format>', 'output format: text or json (json adds the normalised answers)', 'text')
    .addHelpText(
      'after',
      '\nWith --verify, the exit status is 0 when the code is valid and 1 when it is not: a character is unknown, one is\n' +
        'missing or extra, or the check characters do not match, so the code was most likely mistyped.\n\n' +
        'Examples:\n  bib id alt examples/identity/alternative-answers.yaml\n  bib id alt --verify 7KQ2-M9XD-4TVT',
    )
    .action(async (answersFile: string | undefined, flags: { verify?: string; keyFile?: string; rules?: string; format: string }) => {
      context.exitCode = await runIdAlt(
        {
          ...(answersFile !== undefined ? { answersFile } : {}),
          ...(flags.verify !== undefined ? { verify: flags.verify } : {}),
          ...(flags.keyFile !== undefined ? { keyFile: flags.keyFile } : {}),
          ...(flags.rules !== undefined ? { rulesFile: flags.rules } : {}),
          format: parseFormat(flags.format),
          today: today(),
        },
        context,
      );
    });

  id.command('link')
    .description('link the pseudonym of a BIS number or alternative number to that of the national register number she now has')
    .requiredOption('--national <number>', 'the national register number she now presents')
    .option('--bis <number>', 'the BIS number she had')
    .option('--alt <code>', 'the alternative number she had')
    .option('--key-file <path>', `file with the pseudonym key (hex or base64, at least ${minimumKeyBytes} bytes); default: BIB_PSEUDONYM_KEY`)
    .option('--rules <file>', 'alternative-number rule file to use instead of the shipped one')
    .option('--format <format>', 'output format: text or json', 'text')
    .action(async (flags: { national: string; bis?: string; alt?: string; keyFile?: string; rules?: string; format: string }) => {
      if ((flags.bis === undefined) === (flags.alt === undefined)) throw cliInputError('identity:cli.linkPrevious');
      const previous: PreviousIdentifier = flags.bis !== undefined ? { bisNumber: flags.bis } : { alternativeNumber: flags.alt! };
      const format = parseFormat(flags.format);
      context.exitCode = await runIdLink(
        { previous, nationalNumber: flags.national, format, key: await readKey(flags.keyFile, context), today: today(), ...(flags.rules ? { rulesFile: flags.rules } : {}) },
        context,
      );
    });
}

/** Builds the JSON report of one check, with the number masked unless --show and each reason with its text. */
function checkReport(number: string, check: NationalNumberCheck, show: boolean, context: CliContext) {
  const shown = show || isMissing(check) ? number : maskNationalNumber(number);
  if (!check.valid) {
    const reasons = check.problems.map((problem) => ({ code: problem.reason, message: context.t(problem.code, problem.params) }));
    return { number: shown, valid: false, kind: null, birthDate: null, reasons };
  }
  return {
    number: shown,
    valid: true,
    kind: check.kind,
    birthDate: formatBirthDate(check.birthDate),
    century: check.century,
    sexKnownAtIssue: check.sexKnownAtIssue,
    reasons: [],
  };
}

function checkText(number: string, check: NationalNumberCheck, show: boolean, context: CliContext): string {
  const digits = normalizeNationalNumber(number);
  let shown = maskNationalNumber(number);
  if (show) shown = digits === undefined ? number : formatNationalNumber(digits);
  // Eleven stars would suggest that a number was typed; an empty or separator-only input has no digit to hide.
  if (isMissing(check)) shown = JSON.stringify(number);
  if (!check.valid) {
    const lines = [context.t('identity:check.invalid', { number: shown })];
    for (const problem of check.problems) lines.push(context.t('identity:check.reason', { message: context.t(problem.code, problem.params) }));
    return lines.join('\n') + '\n';
  }

  const lines = [context.t('identity:check.valid', { number: shown, kind: context.t(`identity:kind.${check.kind}`) })];
  const date = formatBirthDate(check.birthDate);
  if (date === null) lines.push(context.t('identity:check.birthUnknown'));
  else if (check.birthDate.month === null) lines.push(context.t('identity:check.bornYear', { date }));
  else if (check.birthDate.day === null) lines.push(context.t('identity:check.bornMonth', { date }));
  else lines.push(context.t('identity:check.born', { date }));
  if (!check.sexKnownAtIssue) lines.push(context.t('identity:check.sexUnknownAtIssue'));
  return lines.join(' ') + '\n';
}

/** Tells whether the input held no digit at all: white space and separators at most. */
function isMissing(check: NationalNumberCheck): boolean {
  return !check.valid && check.problems.some((problem) => problem.reason === 'missing');
}

/**
 * Reads the pseudonym key from --key-file, or else from BIB_PSEUDONYM_KEY, with an optional
 * BIB_PSEUDONYM_KEY_ID as its label. The key is never printed; neither are parts of it.
 */
async function readKey(keyFile: string | undefined, context: CliContext): Promise<PseudonymKey> {
  const keyId = context.io.env['BIB_PSEUDONYM_KEY_ID'];
  let text: string | undefined;
  if (keyFile !== undefined) {
    try {
      text = await readFile(resolve(context.io.cwd, keyFile), 'utf8');
    } catch (cause) {
      const detail = String((cause as NodeJS.ErrnoException).code ?? cause);
      throw new InputError([errorFinding('identity:key.fileUnreadable', { file: keyFile, detail }, { file: keyFile })], { cause });
    }
  } else {
    text = context.io.env['BIB_PSEUDONYM_KEY'];
  }

  if (text === undefined) throw new InputError([errorFinding('identity:key.missingCli', { minimum: minimumKeyBytes })]);
  if (text.trim() === '') {
    // Say which source is empty: a key file created but never filled, or a variable set to nothing.
    const finding = keyFile !== undefined
      ? errorFinding('identity:key.emptyFile', { file: keyFile, minimum: minimumKeyBytes }, { file: keyFile })
      : errorFinding('identity:key.emptyVariable', { minimum: minimumKeyBytes });
    throw new InputError([finding]);
  }
  return parsePseudonymKeyText(text, keyId === undefined || keyId === '' ? undefined : keyId);
}

async function loadRules(rulesFile: string | undefined, context: CliContext): Promise<AlternativeNumberRules> {
  if (rulesFile === undefined) return loadAlternativeNumberRules();
  try {
    return await loadAlternativeNumberRules(resolve(context.io.cwd, rulesFile));
  } catch (error) {
    if (error instanceof InputError) throw new InputError(relabel(error.findings, rulesFile), { cause: error });
    throw error;
  }
}

/**
 * Validates --format here rather than with commander's choices, because commander's
 * message repeats the rejected value, which may be a number typed in the wrong place.
 */
function parseFormat(value: string): Format {
  if (value === 'text' || value === 'json') return value;
  throw new InputError([errorFinding('identity:cli.badFormat', { value: redactNumbers(value) })]);
}

/** Returns today's civil date in Europe/Brussels. Only the command line reads the clock. */
function today(): CivilDate {
  return civilDateAt(new Date());
}

function cliInputError(code: string): InputError {
  return new InputError([errorFinding(code)]);
}

/** Findings name the file as the user typed it, not as an absolute path. */
function relabel(findings: readonly Finding[], typed: string): Finding[] {
  return findings.map((finding) => (finding.file !== undefined ? { ...finding, file: typed } : finding));
}

function prefixLines(prefix: string, text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : prefix + line))
    .join('\n');
}
