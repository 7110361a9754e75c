import { Chalk } from 'chalk';
import type { TextStyle } from '../render/screening-text.js';
import type { CliContext } from './context.js';

/** Colours for the text summary on a terminal; plain text when piped or when NO_COLOR is set. */
export function terminalStyle(context: CliContext): TextStyle {
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
