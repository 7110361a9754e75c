import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/index.js';
import { parseCivilDate, type CivilDate } from '../../src/periods/index.js';
import { checkRetentionRecords, evaluateRetention, loadRetentionRules, type RetentionRecord, type RetentionRuleSet } from '../../src/retention/index.js';
import { parseYamlText } from '../../src/source/index.js';
import { runCli } from '../support/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'bib-retention-records-'));
let ruleSet: RetentionRuleSet;

beforeAll(async () => {
  ruleSet = await loadRetentionRules();
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function date(text: string): CivilDate {
  const parsed = parseCivilDate(text);
  if (!parsed) throw new Error(`not a date: ${text}`);
  return parsed;
}

function recordsText(records: string): string {
  return `kind: RetentionRecords\nversion: "1"\nrecords:\n${records}`;
}

/** Checks a records file with the shipped rules and an as-of date; returns the findings. */
function findingsOf(records: string, asOf = '2030-01-01'): Finding[] {
  const parsed = parseYamlText(recordsText(records), 'records.yaml');
  if (!parsed.ok) expect.fail(`fixture does not parse: ${JSON.stringify(parsed.findings)}`);
  const outcome = checkRetentionRecords(parsed.document, { ruleSet, asOf: date(asOf) });
  return outcome.ok ? [] : outcome.findings;
}

describe('retention records duplicate ids', () => {
  it('names both positions', () => {
    const findings = findingsOf(
      '  - { id: w-1, kind: health, owner: woman }\n' + '  - { id: w-2, kind: health, owner: woman }\n' + '  - { id: w-1, kind: identification, owner: woman }\n',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'retention:records.duplicateId',
      line: 6,
      column: 11,
      path: ['records', 2, 'id'],
      params: { record: 'w-1', firstLine: 4, firstColumn: 11, line: 6, column: 11 },
    });
  });

  it('reports every repeat', () => {
    const record = '  - { id: same, kind: health, owner: woman }\n';
    const findings = findingsOf(record + record + record);
    expect(findings.map((finding) => [finding.line, finding.params['firstLine']])).toEqual([
      [5, 4],
      [6, 4],
    ]);
  });

  it('is rejected by the evaluation too', async () => {
    const record: RetentionRecord = { id: 'same', kind: 'health', owner: 'woman', dates: {} };
    const outcome = await evaluateRetention([record, record], ruleSet, date('2030-01-01'));
    expect(outcome.ok ? [] : outcome.findings.map((finding) => finding.code)).toEqual(['retention:records.duplicateId']);
  });
});

describe('retention records in one round', () => {
  it('reports schema and date errors together', () => {
    const findings = findingsOf(
      '  - { id: w-1, kind: health, owner: woman, accountClosedOn: 20250228 }\n' +
        '  - { id: w-2, kind: health, owner: woman, accountClosedOn: "2025-02-30" }\n' +
        '  - { id: w-3, kind: health, owner: woman, closedOn: "2025-02-28" }\n' +
        '  - { id: w-2, kind: helth, owner: woman, erasureRequestedOn: "2031-01-01" }\n',
    );
    expect(findings.map((finding) => [finding.code, finding.line])).toEqual([
      ['retention:records.wrongType', 4],
      ['retention:records.badDate', 5],
      ['retention:records.unknownField', 6],
      ['retention:records.duplicateId', 7],
      ['retention:records.unknownValue', 7],
      ['retention:records.dateAfterAsOf', 7],
    ]);
  });

  it('checks dates of a record with a bad name', () => {
    const findings = findingsOf('  - { id: "bad id", kind: health, owner: woman, accountClosedOn: "2025-13-01" }\n');
    expect(findings.map((finding) => finding.code)).toEqual(['retention:records.badName', 'retention:records.badDate']);
  });
});

describe('retention records after the as-of date', () => {
  it('rejects an event after as-of', () => {
    const findings = findingsOf('  - { id: p-1, kind: user_access, owner: partner, letterReceivedOn: "2025-03-30" }\n', '2024-02-29');
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'retention:records.dateAfterAsOf',
        line: 4,
        path: ['records', 0, 'letterReceivedOn'],
        params: { record: 'p-1', field: 'letterReceivedOn', date: '2025-03-30', asOf: '2024-02-29' },
      }),
    ]);
  });

  it('accepts an event on as-of', () => {
    expect(findingsOf('  - { id: p-1, kind: user_access, owner: partner, letterReceivedOn: "2024-02-29" }\n', '2024-02-29')).toEqual([]);
  });

  it('is rejected by the evaluation too', async () => {
    const record: RetentionRecord = { id: 'p-1', kind: 'user_access', owner: 'partner', dates: { letterReceivedOn: date('2025-03-30') } };
    const outcome = await evaluateRetention([record], ruleSet, date('2024-02-29'));
    expect(outcome.ok ? [] : outcome.findings.map((finding) => [finding.code, finding.params['field']])).toEqual([['retention:records.dateAfterAsOf', 'letterReceivedOn']]);
  });

  it('exits 2 on the command line', async () => {
    const file = join(scratch, 'after-as-of.yaml');
    writeFileSync(file, recordsText('  - id: partner-0007-users\n    kind: user_access\n    owner: partner\n    letterReceivedOn: 2025-03-30\n'));
    const run = await runCli(['--locale', 'en', 'retention', file, '--as-of', '2024-02-29']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${file}:7:23: error: record "partner-0007-users": letterReceivedOn 2025-03-30 lies after the as-of date 2024-02-29.`);
  });
});

describe('retention example before its dates', () => {
  it('rejects all but the first record', async () => {
    const run = await runCli(['--locale', 'en', 'retention', 'examples/retention/records.yaml', '--as-of', '2024-02-29']);
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines.every((line) => line.includes('lies after the as-of date 2024-02-29'))).toBe(true);
    expect(run.stderr).not.toContain('woman-0001-identification');
  });
});

describe('retention records declared values', () => {
  it('rejects an owner the rules do not declare', () => {
    const [finding] = findingsOf('  - { id: w-1, kind: health, owner: women }\n');
    expect(finding).toMatchObject({ code: 'retention:records.unknownValue', line: 4, column: 37, params: { record: 'w-1', field: 'owner', value: 'women', allowed: ['woman', 'professional', 'partner'] } });
  });

  it('is rejected by the evaluation too', async () => {
    const outcome = await evaluateRetention([{ id: 'w-1', kind: 'helth', owner: 'woman', dates: {} }], ruleSet, date('2030-01-01'));
    expect(outcome.ok ? [] : outcome.findings.map((finding) => [finding.code, finding.params['field']])).toEqual([['retention:records.unknownValue', 'kind']]);
  });

  it('still rejects a declared pair without a rule', async () => {
    const outcome = await evaluateRetention([{ id: 'w-1', kind: 'dossier_access', owner: 'woman', dates: {} }], ruleSet, date('2030-01-01'));
    expect(outcome.ok ? [] : outcome.findings.map((finding) => finding.code)).toEqual(['retention:records.noRule']);
  });
});
