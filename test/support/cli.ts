import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/context.js';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured streams. */
export async function runCli(args: string[], options: { cwd?: string; env?: Record<string, string>; tty?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text), isTTY: options.tty ?? false },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.tty ?? false },
    stdinIsTTY: options.tty ?? false,
    env: options.env ?? {},
    cwd: options.cwd ?? projectRoot,
  };
  const status = await main(args, io);
  return { status, stdout, stderr };
}

/** Runs the real `bin/bib.js` in a child process (dist/ is built by the global setup). */
export function runBin(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const result = spawnSync(process.execPath, [`${projectRoot}/bin/bib.js`, ...args], {
    cwd: options.cwd ?? projectRoot,
    env: { PATH: process.env['PATH'] ?? '', ...options.env },
    encoding: 'utf8',
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
