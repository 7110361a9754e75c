import { CommanderError } from 'commander';
import { InputError } from '../findings/index.js';
import { renderFindingsText } from '../render/findings-text.js';
import { CliContext, processIo, type CliIo } from './context.js';
import { ExitCode } from './exit-codes.js';
import { buildProgram } from './program.js';

/**
 * Runs the `bib` command line and returns its exit status. Only this layer decides what is
 * fatal: input errors print their findings and return 2, anything unexpected returns 1
 * with a short message (the stack trace only with BIB_DEBUG=1).
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const context = new CliContext(io);
  const program = buildProgram(context);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return context.exitCode;
  } catch (error) {
    return reportError(error, context);
  }
}

function reportError(error: unknown, context: CliContext): number {
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
