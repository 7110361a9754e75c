import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBin, runCli } from '../support/cli.js';

const example = 'examples/retention/records.yaml';
const scratch = mkdtempSync(join(tmpdir(), 'bib-retention-'));

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('bib retention', () => {
  it('prints last days and a summary', async () => {
    const run = await runCli(['--locale', 'en', 'retention', example, '--as-of', '2031-02-28']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('woman-0001-identification (identification, woman): kept until 2031-02-28, deletable from 2031-03-01 (rule woman-data).');
    expect(run.stdout).toContain('professional-0042-access-dossier-0001 (dossier_access, professional): due for deletion since 2026-03-01 (last day 2026-02-28');
    expect(run.stdout).toContain('woman-0002-health (health, woman): no last day yet');
    expect(run.stdout).toContain('6 records on 2031-02-28: 4 due for deletion, 1 kept, 1 without a last day yet');
  });

  it('prints JSON', async () => {
    const run = await runCli(['retention', example, '--as-of', '2031-03-01', '--format', 'json']);
    expect(run.status).toBe(0);
    expect(run.stdout.endsWith('}\n')).toBe(true);
    const report = JSON.parse(run.stdout) as { asOf: string; records: { id: string; lastDay: string | null; deletableFrom: string | null; due: boolean }[]; summary: unknown };
    expect(report.asOf).toBe('2031-03-01');
    expect(report.records[0]).toMatchObject({ id: 'woman-0001-identification', lastDay: '2031-02-28', deletableFrom: '2031-03-01', due: true });
    expect(report.records[1]).toMatchObject({ id: 'woman-0002-health', lastDay: null, deletableFrom: null, due: false });
    expect(report.summary).toEqual({ total: 6, due: 5, kept: 0, pending: 1 });
  });

  it('prints in French', async () => {
    const run = await runCli(['--locale', 'fr', 'retention', example, '--as-of', '2031-02-28']);
    expect(run.stdout).toContain('conservé jusqu\'au 2031-02-28 inclus');
  });

  it('rejects a bad as-of date', async () => {
    for (const asOf of ['2025-02-30', '25/02/2025', '']) {
      const run = await runCli(['--locale', 'en', 'retention', example, '--as-of', asOf]);
      expect(run.status, asOf).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`--as-of "${asOf}" is not a valid date`);
    }
  });

  it('names record, field and position', async () => {
    const file = 'test/fixtures/retention/bad-dates.yaml';
    const run = await runCli(['--locale', 'en', 'retention', file, '--as-of', '2026-01-01']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${file}:7:22: error: record "w-impossible", field accountClosedOn: "2025-02-30" is not a valid date.`);
    expect(run.stderr).toContain(`${file}:11:22: error: record "w-day-first", field accountClosedOn: "25/02/2025" is not a valid date.`);
    expect(run.stderr).toContain(`${file}:15:25: error: record "w-empty", field erasureRequestedOn: "" is not a valid date.`);
  });

  it('rejects a record without a rule', async () => {
    const file = join(scratch, 'no-rule.yaml');
    writeFileSync(file, 'kind: RetentionRecords\nversion: "1"\nrecords:\n  - { id: x, kind: dossier_access, owner: woman }\n');
    const run = await runCli(['--locale', 'en', 'retention', file, '--as-of', '2026-01-01']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${file}:4:5: error: record "x": no retention rule applies to kind "dossier_access" with owner "woman"`);
  });

  it('rejects an undeclared kind', async () => {
    const file = join(scratch, 'unknown-kind.yaml');
    writeFileSync(file, 'kind: RetentionRecords\nversion: "1"\nrecords:\n  - { id: x, kind: helth, owner: woman }\n');
    const run = await runCli(['--locale', 'en', 'retention', file, '--as-of', '2026-01-01']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${file}:4:20: error: record "x": kind "helth" is not declared in the retention rules. Allowed: identification, socio_economic, health, dossier_access, user_access.`);
  });

  it('reports a missing file', async () => {
    const run = await runCli(['--locale', 'en', 'retention', 'no-such-records.yaml', '--as-of', '2026-01-01']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no-such-records.yaml');
  });

  it('documents dates after --as-of', async () => {
    const run = await runCli(['retention', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('a record with an event date after it is');
    expect(run.stdout).toContain('An event date after --as-of');
  });

  it('needs --as-of', async () => {
    const run = await runCli(['retention', example]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--as-of');
  });
});

describe('bib retention through the real bin', () => {
  it('judges the example', () => {
    const run = runBin(['--locale', 'en', 'retention', example, '--as-of', '2031-03-01']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('woman-0001-identification (identification, woman): due for deletion since 2031-03-01');
  });

  it('exits 2 without a stack trace', () => {
    const run = runBin(['--locale', 'en', 'retention', 'test/fixtures/retention/bad-shape.yaml', '--as-of', '2026-01-01']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('test/fixtures/retention/bad-shape.yaml:7:');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
