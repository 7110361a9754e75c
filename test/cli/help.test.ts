import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

function captureIo() {
  let stdout = '';
  let stderr = '';
  return {
    io: {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      stdinIsTTY: false,
      env: {},
      cwd: process.cwd(),
    },
    output: () => ({ stdout, stderr }),
  };
}

describe('bib command line', () => {
  it('prints help and exits 0', async () => {
    const { io, output } = captureIo();
    const status = await main(['--help'], io);
    expect(status).toBe(0);
    expect(output().stdout).toContain('Usage: bib');
  });

  it('rejects an unknown option with exit 2', async () => {
    const { io, output } = captureIo();
    const status = await main(['--no-such-option'], io);
    expect(status).toBe(2);
    expect(output().stderr).toContain('unknown option');
  });
});

describe('bib without a command', () => {
  it('shows help and exits 2', async () => {
    let stderr = '';
    const status = await main([], {
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text) },
      stdinIsTTY: false,
      env: {},
      cwd: process.cwd(),
    });
    expect(status).toBe(2);
    expect(stderr).toContain('Usage: bib');
  });
});
