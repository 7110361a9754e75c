import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';
import { runCli } from '../support/cli.js';

const fixtures = 'test/fixtures/access';

describe('bib access', () => {
  it('prints an allowed decision in Dutch', async () => {
    const { status, stdout, stderr } = await runCli(['access', 'examples/access/allowed-midwife.yaml']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain('Toegang: toegestaan');
    expect(stdout).toContain('Modus: lezen en bewerken');
    expect(stdout).toContain('tot en met 2026-02-28');
    expect(stdout).toContain('Tijdstip: 2026-02-28 16:45:00 (Europe/Brussels)');
  });

  it('exits 0 for a denied decision', async () => {
    const { status, stdout } = await runCli(['--locale', 'fr', 'access', 'examples/access/relationship-expired.yaml']);
    expect(status).toBe(0);
    expect(stdout).toContain('Accès : refusé');
    expect(stdout).toContain('relationship-expired');
    expect(stdout).toContain("jusqu'au 2026-02-28 inclus");
  });

  it('names one last day for a partner notice', async () => {
    // The care relationship alone would run until 2026-04-20, but the notice ends on 2025-02-28.
    for (const locale of ['nl', 'en']) {
      const { status, stdout } = await runCli(['--locale', locale, 'access', 'examples/access/partnership-ending.yaml']);
      expect(status).toBe(0);
      expect(stdout, locale).not.toContain('2026-04-20');
      const reasonLines = stdout.split('\n').filter((line) => line.startsWith('  - '));
      expect(reasonLines, locale).toHaveLength(2);
      for (const line of reasonLines) expect(line, locale).toContain('2025-02-28');
    }
  });

  it('says a renewal does not extend a notice', async () => {
    const { stdout } = await runCli(['--locale', 'en', 'access', 'examples/access/partnership-ending.yaml']);
    expect(stdout).toContain('This access runs until 2025-02-28 inclusive, and a new access or registration does not extend it.');
    expect(stdout).toContain('Its users have access until 2025-02-28 inclusive at the latest');
  });

  it('puts a space before French colons', async () => {
    for (const example of ['allowed-midwife', 'partnership-ending', 'several-reasons', 'superseded-read-only']) {
      const { stdout } = await runCli(['--locale', 'fr', 'access', `examples/access/${example}.yaml`]);
      expect(stdout).toContain('Motifs :\n');
      for (const line of stdout.trimEnd().split('\n')) {
        // A colon between digits belongs to a time of day, such as 16:45:00.
        expect(line, example).not.toMatch(/[^\s\d]:|[^\s][;?!]/);
      }
    }
  });

  it('lists every reason in JSON', async () => {
    const { status, stdout } = await runCli(['--locale', 'en', 'access', 'examples/access/several-reasons.yaml', '--format', 'json']);
    expect(status).toBe(0);
    expect(stdout.endsWith('}\n')).toBe(true);
    const output = JSON.parse(stdout) as { decision: string; reasons: { code: string; text: string }[]; audit: unknown[] };
    expect(output.decision).toBe('deny');
    expect(output.reasons.map((reason) => reason.code)).toEqual(['discretion-only', 'consent-missing', 'relationship-missing', 'presence-missing']);
    expect(output.reasons[0]?.text).toContain('duty of discretion');
    expect(output.audit).toHaveLength(1);
  });

  it('shows a read-only mode in German', async () => {
    const { status, stdout } = await runCli(['--locale', 'de', 'access', 'examples/access/superseded-read-only.yaml']);
    expect(status).toBe(0);
    expect(stdout).toContain('Modus: nur lesen');
  });

  it('treats absent consent as none', async () => {
    const { status, stdout } = await runCli(['--locale', 'en', 'access', `${fixtures}/consent-absent.yaml`, '--format', 'json']);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ decision: 'deny', reasons: [{ code: 'consent-missing' }] });
  });

  it('rejects consent false with its line', async () => {
    const { status, stdout, stderr } = await runCli(['--locale', 'en', 'access', `${fixtures}/consent-false.yaml`]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${fixtures}/consent-false.yaml:11:12: error: dossier.consent: expected type object, got false.\n`);
  });

  it('reports every schema error with positions', async () => {
    const { status, stderr } = await runCli(['--locale', 'en', 'access', `${fixtures}/wrong-types.yaml`]);
    expect(status).toBe(2);
    const lines = stderr.trim().split('\n');
    expect(lines).toEqual([
      `${fixtures}/wrong-types.yaml:3:6: error: now: "2025-06-10 10:00" is not an instant with its offset, for example 2026-02-28T09:30:00+01:00.`,
      `${fixtures}/wrong-types.yaml:8:3: error: professional.speciality: unknown property "speciality". Allowed here: id, role, active, organisation.`,
      `${fixtures}/wrong-types.yaml:6:9: error: professional.role: "a" is not allowed. Use one of: A, B, none.`,
      `${fixtures}/wrong-types.yaml:7:11: error: professional.active: expected type boolean, got "no".`,
    ]);
  });

  it('rejects dates that do not exist', async () => {
    const { status, stderr } = await runCli(['--locale', 'nl', 'access', `${fixtures}/impossible-dates.yaml`]);
    expect(status).toBe(2);
    expect(stderr).toContain(`${fixtures}/impossible-dates.yaml:14:21: fout: dossier.relationships[0].registeredOn: 2025-02-30 is geen bestaande datum.`);
    expect(stderr).toContain(`${fixtures}/impossible-dates.yaml:3:6: fout: now: 2025-02-29T10:00:00+01:00 is geen bestaand tijdstip.`);
  });

  it('rejects a national number without echoing it', async () => {
    const { status, stderr } = await runCli(['--locale', 'en', 'access', `${fixtures}/national-number-pseudonym.yaml`]);
    expect(status).toBe(2);
    expect(stderr).toContain(':9:14: error: dossier.pseudonym: the value looks like a national number');
    expect(stderr).not.toMatch(/\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}/);
  });

  it('rejects a duplicate key', async () => {
    const { status, stderr } = await runCli(['--locale', 'en', 'access', `${fixtures}/duplicate-key.yaml`]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/duplicate-key\.yaml:7:3: error: the key "role" appears twice/);
  });

  it('rejects malformed YAML', async () => {
    const { status, stderr } = await runCli(['access', `${fixtures}/malformed.yaml`]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^test\/fixtures\/access\/malformed\.yaml:\d+:\d+: fout: /);
  });

  it('reports a missing scenario file', async () => {
    const { status, stderr } = await runCli(['--locale', 'en', 'access', 'no-such-scenario.yaml']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^no-such-scenario\.yaml: error: .*no-such-scenario\.yaml not found\. Check the path\.\n$/);
  });

  it('rejects a rules file with a negative operator', async () => {
    const rules = `${fixtures}/rules/negative-operator.yaml`;
    const { status, stderr } = await runCli(['--locale', 'en', 'access', 'examples/access/allowed-midwife.yaml', '--rules', rules]);
    expect(status).toBe(2);
    expect(stderr).toContain(`${rules}:38:35: error: rules[0].when.all[0].operator: "notEqual" is not allowed. Use one of: equal, in, periodRunning, periodOver, afterToday.`);
  });

  it('rejects an unknown format', async () => {
    const { status, stderr } = await runCli(['access', 'examples/access/allowed-midwife.yaml', '--format', 'html']);
    expect(status).toBe(2);
    expect(stderr).toContain('html');
  });
});

describe('bib access through the real bin', () => {
  beforeAll(() => {
    // The suite's global setup compiles src/ to dist/ before any test runs.
    expect(existsSync(join(packageRoot, 'dist/cli/commands/access.js'))).toBe(true);
  });

  function runBin(args: string[]) {
    return spawnSync(process.execPath, ['bin/bib.js', ...args], { cwd: packageRoot, encoding: 'utf8', env: { ...process.env, BIB_DEBUG: '' } });
  }

  it('evaluates a valid scenario', () => {
    const result = runBin(['--locale', 'en', 'access', 'examples/access/partnership-ending.yaml', '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      decision: 'allow',
      mode: 'read-write',
      lastDay: '2025-02-28',
      accessEnd: 'fixed',
      reasons: [{ code: 'care-relationship-access' }, { code: 'partnership-ending' }],
    });
  });

  it('exits 2 for a bad scenario without a stack trace', () => {
    const result = runBin(['--locale', 'en', 'access', `${fixtures}/consent-false.yaml`]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${fixtures}/consent-false.yaml:11:12: error: dossier.consent: expected type object, got false.\n`);
    expect(result.stderr).not.toContain('    at ');
  });

  it('exits 2 for a national number', () => {
    const result = runBin(['access', `${fixtures}/national-number-pseudonym.yaml`]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/national-number-pseudonym\.yaml:9:14: fout: dossier\.pseudonym: de waarde lijkt op een rijksregisternummer/);
    expect(result.stderr).not.toContain('    at ');
  });
});
