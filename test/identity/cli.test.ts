import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBin, runCli, type CliRun } from '../support/cli.js';

const keyHex = 'a3b1'.repeat(16);
const withKey = { env: { BIB_PSEUDONYM_KEY: keyHex } };
const scratch = mkdtempSync(join(tmpdir(), 'bib-identity-'));

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** Asserts that the 11 digits of `number` do not appear on standard error, whatever the separators. */
function expectNumberNotOnStderr(run: CliRun, number: string): void {
  const digits = number.replace(/\D/g, '');
  expect(run.stderr.replace(/[.\-\s]/g, '')).not.toContain(digits);
}

function expectNoStackTrace(run: CliRun): void {
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

describe('bib id check', () => {
  it('masks a valid number', async () => {
    const run = await runCli(['--locale', 'en', 'id', 'check', '90020199605']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('90.02.01-***.**: valid national register number.');
    expect(run.stdout).toContain('Born on 1990-02-01.');
    expect(run.stdout).not.toContain('996');
    expect(run.stderr).toBe('');
  });

  it('shows the number with --show', async () => {
    const run = await runCli(['--locale', 'en', 'id', 'check', '90020199605', '--show']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('90.02.01-996.05');
  });

  it('exits 1 for an invalid number', async () => {
    const run = await runCli(['--locale', 'en', 'id', 'check', '95060795400']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('95.06.07-***.**: invalid');
    expect(run.stdout).toContain('check digits');
    expectNumberNotOnStderr(run, '95060795400');
  });

  it('prints JSON for a valid number', async () => {
    const run = await runCli(['id', 'check', '88271599807', '--format', 'json']);
    expect(run.status).toBe(0);
    expect(run.stdout.endsWith('}\n')).toBe(true);
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: true, kind: 'bis', birthDate: '1988-07-15', sexKnownAtIssue: false, reasons: [] });
  });

  it('prints partial birth dates', async () => {
    const yearOnly = await runCli(['id', 'check', '05000099809', '--format', 'json']);
    expect(JSON.parse(yearOnly.stdout)).toMatchObject({ valid: true, birthDate: '2005' });
    const unknownYear = await runCli(['id', 'check', '00000199839', '--format', 'json']);
    expect(JSON.parse(unknownYear.stdout)).toMatchObject({ valid: true, birthDate: null });
  });

  it('prints JSON reasons in the locale', async () => {
    const run = await runCli(['--locale', 'fr', 'id', 'check', '1031599878', '--format', 'json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { valid: boolean; kind: null; birthDate: null; reasons: { code: string; message: string }[] };
    expect(report).toMatchObject({ valid: false, kind: null, birthDate: null });
    expect(report.reasons.map((reason) => reason.code)).toEqual(['wrongLength']);
    expect(report.reasons[0]?.message).toContain('11 chiffres');
  });

  it('checks a CSV file', async () => {
    const run = await runCli(['--locale', 'en', 'id', 'check', '--file', 'examples/identity/numbers.csv']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('examples/identity/numbers.csv:2: 01.03.15-***.**: valid national register number.');
    expect(run.stdout).toContain('examples/identity/numbers.csv:5: 95.06.07-***.**: invalid');
    expect(run.stdout).toContain('3 valid, 1 invalid.');
  });

  it('rejects an unquoted number in a file', async () => {
    const file = 'test/fixtures/identity/numbers-with-number-type.yaml';
    const run = await runCli(['--locale', 'en', 'id', 'check', '--file', file]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${file}:5:5: error:`);
    expect(run.stderr).toContain('leading zero');
    expectNumberNotOnStderr(run, '1031599878');
  });

  it('rejects a missing number', async () => {
    const run = await runCli(['--locale', 'en', 'id', 'check']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('give a number to check');
    expectNoStackTrace(run);
  });

  it('rejects a number and a file', async () => {
    const run = await runCli(['id', 'check', '90020199605', '--file', 'examples/identity/numbers.csv']);
    expect(run.status).toBe(2);
  });

  it('rejects an unknown format without echoing a number', async () => {
    const typo = await runCli(['--locale', 'en', 'id', 'check', '90020199605', '--format', 'xml']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('"xml"');

    const misplaced = await runCli(['--locale', 'en', 'id', 'check', '--format', '90020199605']);
    expect(misplaced.status).toBe(2);
    expectNumberNotOnStderr(misplaced, '90020199605');
  });

  it('rejects a number as subcommand', async () => {
    const run = await runCli(['--locale', 'en', 'id', '90.02.01-996.05']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is not a subcommand of bib id');
    expectNumberNotOnStderr(run, '90020199605');
  });
});

describe('bib id pseudonym', () => {
  it('needs a key', async () => {
    const run = await runCli(['--locale', 'en', 'id', 'pseudonym', '90020199605']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('BIB_PSEUDONYM_KEY');
    expect(run.stderr).toContain('--key-file');
    expectNumberNotOnStderr(run, '90020199605');
  });

  it('prints the pseudonym', async () => {
    const run = await runCli(['id', 'pseudonym', '90.02.01-996.05'], withKey);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^v1:[0-9a-f]{8}:[a-z2-7]{52}\n$/);
  });

  it('reads the key from a file', async () => {
    const keyFile = join(scratch, 'pseudonym.key');
    writeFileSync(keyFile, Buffer.from(keyHex, 'hex').toString('base64') + '\n');
    const fromFile = await runCli(['id', 'pseudonym', '90020199605', '--key-file', keyFile]);
    const fromEnvironment = await runCli(['id', 'pseudonym', '90020199605'], withKey);
    expect(fromFile.status).toBe(0);
    expect(fromFile.stdout).toBe(fromEnvironment.stdout);
  });

  it('gives another pseudonym for another key', async () => {
    const first = await runCli(['id', 'pseudonym', '90020199605'], withKey);
    const second = await runCli(['id', 'pseudonym', '90020199605'], { env: { BIB_PSEUDONYM_KEY: '5c4e'.repeat(16) } });
    expect(second.stdout).not.toBe(first.stdout);
  });

  it('labels the key with its id', async () => {
    const run = await runCli(['id', 'pseudonym', '90020199605'], { env: { BIB_PSEUDONYM_KEY: keyHex, BIB_PSEUDONYM_KEY_ID: 'host-2026' } });
    expect(run.stdout).toMatch(/^v1:host-2026:/);
  });

  it('rejects a short key', async () => {
    const run = await runCli(['--locale', 'en', 'id', 'pseudonym', '90020199605'], { env: { BIB_PSEUDONYM_KEY: 'abcd' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('2 bytes');
    expect(run.stderr).not.toContain('abcd');
  });

  it('rejects a missing key file', async () => {
    const run = await runCli(['--locale', 'en', 'id', 'pseudonym', '90020199605', '--key-file', 'no-such.key']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no-such.key');
  });

  it('rejects an invalid number', async () => {
    const run = await runCli(['--locale', 'en', 'id', 'pseudonym', '95060795400'], withKey);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('check digits');
    expectNumberNotOnStderr(run, '95060795400');
  });
});

describe('bib id alt', () => {
  const answers = 'examples/identity/alternative-answers.yaml';

  it('prints and verifies a code', async () => {
    const derived = await runCli(['id', 'alt', answers], withKey);
    expect(derived.status).toBe(0);
    const code = derived.stdout.trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const verified = await runCli(['--locale', 'en', 'id', 'alt', '--verify', code.toLowerCase()]);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toBe(`${code}: valid alternative number.\n`);
  });

  it('prints normalised answers as JSON', async () => {
    const run = await runCli(['id', 'alt', answers, '--format', 'json'], withKey);
    expect(JSON.parse(run.stdout)).toMatchObject({
      normalizedAnswers: { birth_date: '1994-03-08', birth_country: 'CD', first_name: 'zoe', birth_family_name: 'kabila-mbuyi' },
      rules: { id: 'bib-alternative-number', version: '1.0.0' },
    });
  });

  it('exits 1 for a mistyped code', async () => {
    const derived = await runCli(['id', 'alt', answers], withKey);
    const code = derived.stdout.trim();
    const swapAt = [0, 1, 2, 5, 6, 7, 10].find((index) => code[index] !== code[index + 1])!;
    const swapped = code.slice(0, swapAt) + code.slice(swapAt + 1, swapAt + 2) + code.slice(swapAt, swapAt + 1) + code.slice(swapAt + 2);
    const run = await runCli(['--locale', 'en', 'id', 'alt', '--verify', swapped]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('invalid alternative number');
  });

  it('needs a key to derive', async () => {
    const run = await runCli(['--locale', 'en', 'id', 'alt', answers]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('BIB_PSEUDONYM_KEY');
  });

  it('names the line of a bad answer', async () => {
    const file = join(scratch, 'answers.yaml');
    writeFileSync(file, 'birth_date: "1994-03-08"\nbirth_country: CD\nfirst_name: 1994\nbirth_family_name: "Kabila"\n');
    const run = await runCli(['--locale', 'en', 'id', 'alt', file], withKey);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${file}:3:13: error: the answer to "first_name" must be text in quotes`);
    expectNoStackTrace(run);
  });

  it('rejects both or neither input', async () => {
    expect((await runCli(['id', 'alt', answers, '--verify', 'ABCD'], withKey)).status).toBe(2);
    expect((await runCli(['id', 'alt'], withKey)).status).toBe(2);
  });
});

describe('bib id link', () => {
  it('links a BIS number', async () => {
    const run = await runCli(['id', 'link', '--bis', '88471599850', '--national', '90020199605', '--format', 'json'], withKey);
    expect(run.status).toBe(0);
    const link = JSON.parse(run.stdout) as { reason: string; from: string; to: string };
    expect(link.reason).toBe('bis_number_replaced');
    expect(run.stdout).not.toContain('88471599850');
    expect(run.stdout).not.toContain('90020199605');
    const national = await runCli(['id', 'pseudonym', '90020199605'], withKey);
    expect(link.to).toBe(national.stdout.trim());
  });

  it('needs exactly one previous identifier', async () => {
    const run = await runCli(['id', 'link', '--national', '90020199605'], withKey);
    expect(run.status).toBe(2);
  });
});

describe('bib id through the real bin', () => {
  it('checks a number', () => {
    const run = runBin(['id', 'check', '90020199605']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('90.02.01-***.**');
    expect(run.stdout).not.toContain('90020199605');
  });

  it('exits 1 for an invalid number', () => {
    const run = runBin(['--locale', 'en', 'id', 'check', '1031599878']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('leading zero');
  });

  it('exits 2 without a key', () => {
    const run = runBin(['--locale', 'en', 'id', 'pseudonym', '90.02.01-996.05']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('BIB_PSEUDONYM_KEY');
    expectNoStackTrace(run);
    expectNumberNotOnStderr(run, '90020199605');
  });

  it('exits 2 for a bad answers file', () => {
    const run = runBin(['--locale', 'en', 'id', 'check', '--file', 'test/fixtures/identity/numbers-with-number-type.json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('test/fixtures/identity/numbers-with-number-type.json:1:');
    expectNoStackTrace(run);
  });

  it('prints a pseudonym with a key', () => {
    const run = runBin(['id', 'pseudonym', '90020199605'], withKey);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^v1:[0-9a-f]{8}:[a-z2-7]{52}\n$/);
  });
});
