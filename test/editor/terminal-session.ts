import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The real `bib` launcher; the global test setup compiles `src/` to `dist/` before the suite. */
export const bibBin = resolve(import.meta.dirname, '..', '..', 'bin', 'bib.js');

/**
 * One command running in a detached tmux session on a private tmux server, so the command
 * sees a real terminal. Keys are sent with tmux key names (`Down`, `Enter`, `C-c`).
 */
export class TerminalSession {
  private readonly socket = `bib-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

  private constructor() {}

  /** Starts `command` in `cwd`. When it ends, the pane shows `__EXIT=<status>__` and stays open. */
  static async start(command: string, cwd: string, size = { columns: 220, rows: 50 }): Promise<TerminalSession> {
    const session = new TerminalSession();
    await mkdir(cwd, { recursive: true });
    const script = `cd '${cwd}' && ${command}; echo "__EXIT=$?__"; sleep 600`;
    await session.tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'bib', '-x', String(size.columns), '-y', String(size.rows), script);
    return session;
  }

  async send(...keys: string[]): Promise<void> {
    for (const key of keys) await this.tmux('send-keys', '-t', 'bib', key);
  }

  /** Returns the visible screen, or with `history` every line since the start, wrapped lines joined. */
  async capture(history = false): Promise<string> {
    const { stdout } = await this.tmux('capture-pane', '-p', '-J', '-t', 'bib', ...(history ? ['-S', '-'] : []));
    return stdout;
  }

  /** Waits until the visible screen matches `pattern`, and returns the screen. */
  async waitFor(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let screen = '';
    while (Date.now() < deadline) {
      screen = await this.capture();
      if (pattern.test(screen)) return screen;
      await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${pattern} on the terminal screen:\n${screen}`);
  }

  /** Waits for the command to end and returns its exit status. */
  async exitStatus(timeoutMs = 15_000): Promise<number> {
    const screen = await this.waitFor(/__EXIT=\d+__/, timeoutMs);
    return Number(/__EXIT=(\d+)__/.exec(screen)![1]);
  }

  /** Stops the private tmux server and with it the command. */
  async stop(): Promise<void> {
    await this.tmux('kill-server').catch(() => undefined);
  }

  private tmux(...args: string[]): Promise<{ stdout: string }> {
    return run('tmux', ['-L', this.socket, ...args]);
  }
}
