import { Command, Option } from 'commander';
import { supportedLocales } from '../i18n/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import type { CliContext } from './context.js';
import { registerScreenCommand } from './commands/screen.js';
import { registerLocalesCommand } from './commands/locales.js';
import { registerQuestionnaireCommand } from './commands/questionnaire.js';
import { registerAccessCommand } from './commands/access.js';
import { registerIdCommand } from './commands/id.js';
import { registerValidateCommand } from './commands/validate.js';
import { registerTestCommand } from './commands/test.js';
import { registerDiffCommand } from './commands/diff.js';
import { registerRetentionCommand } from './commands/retention.js';

/** A function that adds one command to the program. Each lives in its own file under commands/. */
export type CommandRegistration = (program: Command, context: CliContext) => void;

// One line per command. Keep the list in the order commands appear in `bib --help`.
const commands: CommandRegistration[] = [
  registerScreenCommand,
  registerLocalesCommand,
  registerQuestionnaireCommand,
  registerAccessCommand,
  registerIdCommand,
  registerValidateCommand,
  registerTestCommand,
  registerDiffCommand,
  registerRetentionCommand,
];

/** Builds the commander program for one run; output goes through the context's streams. */
export function buildProgram(context: CliContext): Command {
  const program = new Command('bib')
    .description('Antenatal psychosocial screening (Born in Belgium Professionals): screen answer sets, check rule sets, decide access and retention.')
    .addOption(
      new Option('--locale <lng>', 'language of everything printed for people').choices([...supportedLocales]).default('nl'),
    )
    .addHelpText('after', '\n`bib --version` prints the version of bib-core.')
    .showHelpAfterError(context.t('cli:error.helpHint'))
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.out(text),
      writeErr: (text) => context.err(text),
    })
    .hook('preAction', (thisCommand, actionCommand) => {
      context.useLocale(actionCommand.optsWithGlobals()['locale']);
    });

  for (const register of commands) register(program, context);

  // Subcommands, and theirs, inherit the error handling of the program.
  const inherit = (parent: Command) => {
    for (const command of parent.commands) {
      command
        .exitOverride()
        .showHelpAfterError(context.t('cli:error.helpHint'))
        .configureOutput({
          writeOut: (text) => context.out(text),
          writeErr: (text) => context.err(text),
        });
      inherit(command);
    }
  };
  inherit(program);
  return program;
}

export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}
