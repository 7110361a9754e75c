import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTranslator, supportedLocales } from '../../src/i18n/index.js';
import { runCli } from '../support/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'bib-retention-messages-'));

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function writeScratch(name: string, text: string): string {
  const file = join(scratch, name);
  writeFileSync(file, text);
  return file;
}

async function retentionErrors(locale: string, file: string, extra: string[] = []): Promise<string> {
  const run = await runCli(['--locale', locale, 'retention', file, '--as-of', '2031-03-01', ...extra]);
  expect(run.status, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  return run.stderr;
}

/** Texts the user saw: English type names, an empty path before a colon, raw JSON parameters. */
function expectNoRawParts(text: string, locale: string): void {
  expect(text).not.toMatch(/\b(object|array|string)\b/);
  if (locale !== 'en') expect(text).not.toMatch(/\ba (list|mapping)\b/);
  expect(text).not.toMatch(/(field|veld|champ|Feld) +:/);
  expect(text).not.toContain('allowedValues');
  expect(text).not.toContain('{"');
}

const typeNames = {
  en: { mapping: 'a mapping', list: 'a list' },
  nl: { mapping: 'een mapping', list: 'een lijst' },
  fr: { mapping: 'un mapping', list: 'une liste' },
  de: { mapping: 'ein Mapping', list: 'eine Liste' },
} as const;

describe('retention records messages', () => {
  it.each(supportedLocales)('names the top level in %s', async (locale) => {
    const file = writeScratch('top-list.yaml', '- id: w-1\n');
    const text = await retentionErrors(locale, file);
    expectNoRawParts(text, locale);
    expect(text).toContain(`${file}:1:1`);
    expect(text).toContain(typeNames[locale].mapping);
    expect(text).toContain(typeNames[locale].list);
  });

  it.each(supportedLocales)('names the records field in %s', async (locale) => {
    const file = writeScratch('records-mapping.yaml', 'kind: RetentionRecords\nversion: "1"\nrecords: { id: w-1 }\n');
    const text = await retentionErrors(locale, file);
    expectNoRawParts(text, locale);
    expect(text).toContain('records');
    expect(text).toContain(typeNames[locale].list);
    expect(text).toContain(typeNames[locale].mapping);
  });

  it.each(supportedLocales)('names a record that is no mapping in %s', async (locale) => {
    const file = writeScratch('record-number.yaml', 'kind: RetentionRecords\nversion: "1"\nrecords: [5]\n');
    const text = await retentionErrors(locale, file);
    expectNoRawParts(text, locale);
    expect(text).toContain('#1');
    expect(text).toContain(' 5.');
    expect(text).not.toContain('2025-02-28');
  });

  it('gives the date hint only for dates', async () => {
    const file = writeScratch(
      'wrong-types.yaml',
      'kind: RetentionRecords\nversion: "1"\nrecords:\n  - { id: w-1, kind: 5, owner: woman }\n  - { id: w-2, kind: health, owner: woman, accountClosedOn: 20250228 }\n',
    );
    const lines = (await retentionErrors('en', file)).trim().split('\n');
    expect(lines).toEqual([
      `${file}:4:22: error: record "w-1": the field kind must be text, but is the number 5.`,
      `${file}:5:61: error: record "w-2": the field accountClosedOn must be a date written as text in quotes, for example "2025-02-28", but is the number 20250228.`,
    ]);
  });

  it.each(supportedLocales)('reads well in %s', async (locale) => {
    const file = writeScratch(
      'mixed.yaml',
      'kind: RetentionRecords\nversion: 1\nrecords:\n  - { id: w-1, kind: [health], owner: null, closedOn: "2025-01-01" }\n  - { kind: health, owner: woman }\n',
    );
    const text = await retentionErrors(locale, file);
    expectNoRawParts(text, locale);
    expect(text).not.toContain('2025-02-28');
    expect(text.trim().split('\n')).toHaveLength(5);
  });
});

describe('retention rules messages', () => {
  const rules = (rule: string) =>
    'kind: RetentionRules\nid: test-rules\nversion: "1.0.0"\nrecordValues:\n  owner: [woman]\n  kind: [health]\nrules:\n' + rule;

  it.each(supportedLocales)('lists allowed values in %s', async (locale) => {
    const file = writeScratch('rules-from.yaml', rules('  - { id: a, when: { owner: woman }, from: closedOn, keep: P7Y, provenance: provisional }\n'));
    const text = await retentionErrors(locale, 'examples/retention/records.yaml', ['--rules', file]);
    expectNoRawParts(text, locale);
    expect(text).toContain(`${file}:8:44`);
    expect(text).toContain('rules[0].from');
    expect(text).toContain('accountClosedOn, lastAccessOn, letterReceivedOn, erasureRequestedOn, frozenOn');
  });

  it.each(supportedLocales)('explains a period in %s', async (locale) => {
    const file = writeScratch('rules-period.yaml', rules('  - { id: a, when: { owner: woman }, from: accountClosedOn, keep: "15 months", provenance: provisional }\n'));
    const text = await retentionErrors(locale, 'examples/retention/records.yaml', ['--rules', file]);
    expect(text).toContain('15 months');
    expect(text).toContain('P7Y');
    expect(text).toContain('P15M');
    expect(text).not.toContain('2.0.0');
  });

  it.each(supportedLocales)('reads well in %s', async (locale) => {
    const file = writeScratch(
      'rules-mixed.yaml',
      'kind: RetentionRules\nid: Test\nversion: 1\nrecordValues: { owner: [], kind: health }\nrules:\n  - { id: a, when: { owner: [] }, from: accountClosedOn, keep: 7, provenance: faq, extra: 1 }\n',
    );
    const text = await retentionErrors(locale, 'examples/retention/records.yaml', ['--rules', file]);
    expectNoRawParts(text, locale);
    expect(text).not.toMatch(/must (be equal|match|have|NOT)/);
  });
});

describe('retention type names', () => {
  const tokens = ['object', 'array', 'string', 'number', 'integer', 'boolean', 'null'];

  it.each(supportedLocales)('exist for every type in %s', (locale) => {
    // A nested $t() with a missing key would print the key itself, so every token is rendered.
    const translator = createTranslator(locale);
    for (const expected of tokens) {
      for (const got of tokens) {
        const params = { record: 'w-1', field: 'kind', path: 'rules[0].keep', allowed: 'woman, partner', expected, got, value: '5' };
        for (const key of ['retention:records.wrongType', 'retention:rules.wrongType', 'retention:rules.notAllowed']) {
          const text = translator.t(key, params);
          expect(text, `${key} ${expected} ${got}`).not.toMatch(/types\.|values\.|\$t\(|\{\{/);
        }
      }
    }
  });
});

describe('retention report plurals', () => {
  it('agrees with each count in French', async () => {
    const run = await runCli(['--locale', 'fr', 'retention', 'examples/retention/records.yaml', '--as-of', '2031-02-28']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('6 enregistrements au 2031-02-28 : 4 à supprimer, 1 conservé, 1 encore sans dernier jour');
  });

  it('agrees with each count in Dutch and German', async () => {
    const file = writeScratch('one-record.yaml', 'kind: RetentionRecords\nversion: "1"\nrecords:\n  - { id: w-1, kind: health, owner: woman, accountClosedOn: "2024-02-29" }\n');
    const dutch = await runCli(['--locale', 'nl', 'retention', file, '--as-of', '2031-02-28']);
    expect(dutch.stdout).toContain('1 record op 2031-02-28: 0 te verwijderen, 1 bewaard, 0 nog zonder laatste dag');
    const german = await runCli(['--locale', 'de', 'retention', file, '--as-of', '2031-02-28']);
    expect(german.stdout).toContain('1 Datensatz am 2031-02-28: 0 zu löschen, 1 aufbewahrt, 0 noch ohne letzten Tag');
    const english = await runCli(['--locale', 'en', 'retention', file, '--as-of', '2031-02-28']);
    expect(english.stdout).toContain('1 record on 2031-02-28: 0 due for deletion, 1 kept, 0 without a last day yet');
  });
});
