import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/findings/index.js';
import { createTranslator, supportedLocales } from '../../src/i18n/index.js';
import { checkAlternativeNumberRules, checkNationalNumber, readNationalNumberList, shippedAlternativeRulesFile } from '../../src/identity/index.js';
import { parseYamlText } from '../../src/source/index.js';
import { runCli } from '../support/cli.js';

const today = { year: 2026, month: 6, day: 15 };
const keyHex = 'a3b1'.repeat(16);
const withKey = { env: { BIB_PSEUDONYM_KEY: keyHex } };
const scratch = mkdtempSync(join(tmpdir(), 'bib-identity-messages-'));

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function writeScratch(name: string, text: string): string {
  const file = join(scratch, name);
  writeFileSync(file, text);
  return file;
}

describe('empty national number', () => {
  it.each(['', '   ', '..-', ' . - '])('is missing for %j', (text) => {
    const check = checkNationalNumber(text, today);
    expect(check.valid).toBe(false);
    expect(check.valid ? [] : check.problems.map((problem) => problem.reason)).toEqual(['missing']);
  });

  it('is missing in a CSV cell', async () => {
    const file = writeScratch('numbers.csv', 'label,number\nempty,\nvalid,90020199605\n');
    const { entries } = await readNationalNumberList(file);
    const check = checkNationalNumber(entries[0]!.text, today);
    expect(check.valid ? [] : check.problems.map((problem) => problem.reason)).toEqual(['missing']);
  });

  it.each(supportedLocales)('asks for the number in %s', async (locale) => {
    const run = await runCli(['--locale', locale, 'id', 'check', '']);
    expect(run.status).toBe(1);
    expect(run.stdout).not.toMatch(/ 0 |voorloopnul|leading zero|zéro initial|führende Null/);
    const json = await runCli(['--locale', locale, 'id', 'check', '', '--format', 'json']);
    const report = JSON.parse(json.stdout) as { reasons: { code: string; message: string }[] };
    expect(report.reasons.map((reason) => reason.code)).toEqual(['missing']);
    expect(run.stdout).toContain(report.reasons[0]!.message);
  });

  it('reads in English', async () => {
    const run = await runCli(['--locale', 'en', 'id', 'check', '']);
    expect(run.stdout).toContain('the number is missing. Give a national register or BIS number of 11 digits');
  });
});

describe('empty key file', () => {
  it.each(supportedLocales)('says the file is empty in %s', async (locale) => {
    const keyFile = writeScratch('empty.key', '\n  \n');
    const run = await runCli(['--locale', locale, 'id', 'pseudonym', '90020199605', '--key-file', keyFile]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(keyFile);
    expect(run.stderr).toContain('openssl rand -hex 32');
    expect(run.stderr).not.toContain('BIB_PSEUDONYM_KEY');
  });

  it('reads in English', async () => {
    const keyFile = writeScratch('empty-en.key', '');
    const run = await runCli(['--locale', 'en', 'id', 'pseudonym', '90020199605', '--key-file', keyFile]);
    expect(run.stderr).toContain(`the key file ${keyFile} is empty.`);
  });

  it('says an empty variable is empty', async () => {
    const run = await runCli(['--locale', 'en', 'id', 'pseudonym', '90020199605'], { env: { BIB_PSEUDONYM_KEY: ' ' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('BIB_PSEUDONYM_KEY is set but empty');
  });
});

describe('bib id link text', () => {
  const sentences = {
    en: 'belongs to the same woman as',
    nl: 'hoort bij dezelfde vrouw als',
    fr: 'appartient à la même femme que',
    de: 'gehört zu derselben Frau wie',
  } as const;

  it.each(supportedLocales)('is a sentence in %s', async (locale) => {
    const json = await runCli(['id', 'link', '--bis', '88471599850', '--national', '90020199605', '--format', 'json'], withKey);
    const link = JSON.parse(json.stdout) as { from: string; to: string };
    const run = await runCli(['--locale', locale, 'id', 'link', '--bis', '88471599850', '--national', '90020199605'], withKey);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('bis_number_replaced');
    expect(run.stdout).not.toContain('->');
    expect(run.stdout).toContain(link.from);
    expect(run.stdout).toContain(link.to);
    expect(run.stdout).toContain(sentences[locale]);
    expect(run.stdout.endsWith('.\n')).toBe(true);
  });

  it('names an alternative number', async () => {
    const derived = await runCli(['id', 'alt', 'examples/identity/alternative-answers.yaml'], withKey);
    const run = await runCli(['--locale', 'en', 'id', 'link', '--alt', derived.stdout.trim(), '--national', '90020199605'], withKey);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('alternative number');
    expect(run.stdout).not.toContain('alternative_number_replaced');
  });
});

describe('identity type names', () => {
  const tokens = ['object', 'array', 'string', 'number', 'integer', 'boolean', 'null'];

  it.each(supportedLocales)('exist for every type in %s', (locale) => {
    // A nested $t() with a missing key would print the key itself, so every token is rendered.
    const translator = createTranslator(locale);
    for (const expected of tokens) {
      for (const got of tokens) {
        const params = { question: 'first_name', path: 'code.groupSize', limit: 1, expected, got, value: '5' };
        for (const key of ['identity:alternative.notText', 'identity:numberSource.notText', 'identity:rules.wrongType', 'identity:rules.tooSmall']) {
          const text = translator.t(key, params);
          expect(text, `${key} ${expected} ${got}`).not.toMatch(/types\.|values\.|\$t\(|\{\{/);
        }
      }
    }
  });
});

describe('identity answer and rule messages', () => {
  it.each(supportedLocales)('names the type of an answer in %s', async (locale) => {
    const file = writeScratch('answers.yaml', 'birth_date: "1994-03-08"\nbirth_country: [CD]\nfirst_name: { a: 1 }\nbirth_family_name: 1994\n');
    const run = await runCli(['--locale', locale, 'id', 'alt', file], withKey);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(/\b(object|array)\b/);
    if (locale !== 'en') expect(run.stderr).not.toMatch(/\ba (list|mapping|number)\b/);
    expect(run.stderr.trim().split('\n')).toHaveLength(3);
  });

  it('names the type of an answer in English', async () => {
    const file = writeScratch('answers-en.yaml', 'birth_date: "1994-03-08"\nbirth_country: [CD]\nfirst_name: "Zoë"\nbirth_family_name: 1994\n');
    const run = await runCli(['--locale', 'en', 'id', 'alt', file], withKey);
    expect(run.stderr).toContain(`${file}:2:16: error: the answer to "birth_country" must be text in quotes, but is a list.`);
    expect(run.stderr).toContain(`${file}:4:20: error: the answer to "birth_family_name" must be text in quotes, but is the number 1994.`);
  });

  it('lists allowed rule values readably', () => {
    const text = readFileSync(shippedAlternativeRulesFile, 'utf8').replace('diacritics: strip', 'diacritics: remove');
    const parsed = parseYamlText(text, 'bibnr.yaml');
    if (!parsed.ok) expect.fail('fixture does not parse');
    let findings: readonly { code: string; params: Record<string, unknown> }[] = [];
    try {
      checkAlternativeNumberRules(parsed.document);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      findings = error.findings;
    }
    expect(findings).toEqual([expect.objectContaining({ code: 'identity:rules.notAllowed', params: { got: 'string', value: '"remove"', allowed: ['strip', 'keep'] } })]);
  });

  it.each(supportedLocales)('reads rule errors well in %s', async (locale) => {
    const text = readFileSync(shippedAlternativeRulesFile, 'utf8')
      .replace('diacritics: strip', 'diacritics: remove')
      .replace('version: "1.0.0"', 'version: 1')
      .replace('  - id: birth_country\n    type: country', '  - id: birth_country\n    type: land');
    const file = writeScratch('bibnr.yaml', text);
    const run = await runCli(['--locale', locale, 'id', 'alt', 'examples/identity/alternative-answers.yaml', '--rules', file], withKey);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toContain('allowedValues');
    expect(run.stderr).not.toContain('{"');
    expect(run.stderr).not.toMatch(/must (be equal|match|have)/);
    expect(run.stderr.trim().split('\n')).toHaveLength(3);
    expect(run.stderr).toContain('strip, keep');
    expect(run.stderr).toContain('date, country, name');
  });
});
