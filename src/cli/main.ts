import { CommanderError } from 'commander';
import { errorFinding, InputError } from '../findings/index.js';
import { renderFindingsText } from '../render/findings-text.js';
import { CliContext, processIo, type CliIo } from './context.js';
import { ExitCode } from './exit-codes.js';
import { buildProgram, packageVersion } from './program.js';

/**
 * Runs the `bib` command line and returns its exit status. Only this layer decides what is
 * fatal: input errors print their findings and return 2, anything unexpected returns 1
 * with a short message (the stack trace only with BIB_DEBUG=1).
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const context = new CliContext(io);
  // The language is needed before commander parses anything, for its own error hints.
  context.useLocale(localeArgument(argv));
  const program = buildProgram(context);
  if (io.stdout === process.stdout) guardStandardOutput(context);

  try {
    const words = withoutLocaleOption(argv);
    // Handled here, not by commander: `questionnaire show --version 1.0.0` has an option of that name.
    if (words[0] === '--version' || words[0] === '-V') {
      context.out(`${packageVersion()}\n`);
      return ExitCode.ok;
    }
    if (words[0] === 'help' && words[1] !== undefined && !program.commands.some((command) => command.name() === words[1])) {
      throw new InputError([errorFinding('cli.unknownCommand', { command: words[1], known: program.commands.map((command) => command.name()) })]);
    }
    await program.parseAsync([...argv], { from: 'user' });
    return context.exitCode;
  } catch (error) {
    return reportError(error, context);
  }
}

function withoutLocaleOption(argv: readonly string[]): string[] {
  const words: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    if (argv[index] === '--locale') index++;
    else if (!argv[index]!.startsWith('--locale=')) words.push(argv[index]!);
  }
  return words;
}

function localeArgument(argv: readonly string[]): string | undefined {
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === '--') return undefined;
    if (argument === '--locale') return argv[index + 1];
    if (argument.startsWith('--locale=')) return argument.slice('--locale='.length);
  }
  return undefined;
}

/** Error codes of a failed write to standard output: the reader went away or the disk is full. */
const outputErrorCodes = new Set(['EPIPE', 'ENOSPC', 'EIO', 'EDQUOT', 'EBADF']);

/**
 * Handles write errors on standard output, which Node reports as an 'error' event: a closed
 * pipe (`bib ... | head`) ends the run quietly, like other Unix tools; any other write error
 * is reported in one line, without a stack trace.
 */
function guardStandardOutput(context: CliContext): void {
  if (process.stdout.listenerCount('error') > 0) return;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(context.exitCode);
    reportOutputError(error, context);
    process.exit(ExitCode.failure);
  });
}

function reportOutputError(error: NodeJS.ErrnoException, context: CliContext): void {
  try {
    context.err(context.t('cli:error.output', { code: error.code ?? 'unknown' }) + '\n');
  } catch {
    context.err(`bib: cannot write the output (${error.code ?? 'unknown'})\n`);
  }
}

function reportError(error: unknown, context: CliContext): number {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && outputErrorCodes.has(code) && (error as NodeJS.ErrnoException).syscall === 'write') {
    if (code === 'EPIPE') return context.exitCode;
    reportOutputError(error as NodeJS.ErrnoException, context);
    return ExitCode.failure;
  }

  if (error instanceof CommanderError) {
    // `--help` and `--version` are requests; help shown because a subcommand is missing is not.
    const requested = error.code === 'commander.helpDisplayed' || error.code === 'commander.version';
    return requested ? ExitCode.ok : ExitCode.badInput;
  }

  try {
    if (error instanceof InputError) {
      context.err(renderFindingsText(error.findings, context.translator()));
      return ExitCode.badInput;
    }
    const message = error instanceof Error ? error.message : String(error);
    context.err(context.t('cli:error.internal', { message }) + '\n');
  } catch {
    // The translations themselves are broken: fall back to the raw error.
    context.err(`bib: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  if (context.io.env['BIB_DEBUG'] === '1' && error instanceof Error && error.stack) context.err(error.stack + '\n');
  return ExitCode.failure;
}
