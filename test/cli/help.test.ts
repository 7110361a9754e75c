import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('bib command line', () => {
  it('prints help and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: bib');
  });

  it('rejects an unknown option with exit 2', async () => {
    const run = await runCli(['--no-such-option']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown option');
  });
});

describe('bib without a command', () => {
  it('shows help and exits 2', async () => {
    const run = await runCli([]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Usage: bib');
  });
});
