import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  computePseudonym,
  deriveAlternativeNumber,
  linkToNationalNumber,
  loadAlternativeNumberRules,
  parsePseudonymKeyText,
  pseudonymizeAlternativeNumber,
  readNationalNumberList,
  type AlternativeNumberRules,
} from '../../src/identity/index.js';
import { projectRoot } from '../support/cli.js';
import { buildNumber } from './numbers.js';

const today = { year: 2026, month: 6, day: 15 };
const key = parsePseudonymKeyText('a3b1'.repeat(16));
const fixtures = join(projectRoot, 'test', 'fixtures', 'identity');
const bisNumber = '88471599850';
const nationalNumber = buildNumber({ year: 1988, monthField: 7, day: 15, counter: 212 });
let rules: AlternativeNumberRules;

beforeAll(async () => {
  rules = await loadAlternativeNumberRules();
});

describe('linking identifiers', () => {
  it('links a BIS number to a national number', () => {
    const outcome = linkToNationalNumber({ bisNumber }, nationalNumber, { key, today });
    expect(outcome).toEqual({
      ok: true,
      link: {
        reason: 'bis_number_replaced',
        from: computePseudonym(bisNumber, 'person-number', key),
        to: computePseudonym(nationalNumber, 'person-number', key),
      },
    });
  });

  it('holds no number', () => {
    const outcome = linkToNationalNumber({ bisNumber: '88.47.15-998.50' }, nationalNumber, { key, today });
    const serialised = JSON.stringify(outcome);
    expect(serialised).not.toContain(bisNumber);
    expect(serialised).not.toContain(nationalNumber);
  });

  it('links an alternative number', () => {
    const derived = deriveAlternativeNumber(
      { birth_date: '1988-07-15', birth_country: 'SY', first_name: 'Amal', birth_family_name: 'Haddad' },
      { rules, key, today },
    );
    if (!derived.ok) expect.fail('the answers are valid');
    const outcome = linkToNationalNumber({ alternativeNumber: derived.value.code.toLowerCase() }, nationalNumber, { key, today, rules });
    expect(outcome.ok && outcome.link.reason).toBe('alternative_number_replaced');
    expect(outcome.ok && outcome.link.from).toBe(pseudonymizeAlternativeNumber(derived.value.code, { rules, key }));
  });

  it('rejects a national number as previous', () => {
    const outcome = linkToNationalNumber({ bisNumber: '90020199605' }, nationalNumber, { key, today });
    expect(outcome.ok ? [] : outcome.findings.map((finding) => finding.code)).toEqual(['identity:link.previousNotBis']);
  });

  it('rejects a BIS number as current', () => {
    const outcome = linkToNationalNumber({ bisNumber }, '88271599807', { key, today });
    expect(outcome.ok ? [] : outcome.findings.map((finding) => finding.code)).toEqual(['identity:link.currentNotNational']);
  });

  it('reports both invalid identifiers', () => {
    const outcome = linkToNationalNumber({ bisNumber: '95060795400' }, '1031599878', { key, today });
    expect(outcome.ok ? [] : outcome.findings.map((finding) => finding.code)).toEqual([
      'identity:nationalNumber.badCheck',
      'identity:nationalNumber.wrongLength',
    ]);
  });

  it('needs the rules for an alternative number', () => {
    const outcome = linkToNationalNumber({ alternativeNumber: 'ABCD-EFGH-JKMN' }, nationalNumber, { key, today });
    expect(outcome.ok ? [] : outcome.findings.map((finding) => finding.code)).toEqual(['identity:link.rulesMissing']);
  });
});

describe('reading numbers from files', () => {
  it('keeps CSV fields as text', async () => {
    const { entries, findings } = await readNationalNumberList(join(fixtures, 'numbers.csv'));
    expect(findings).toEqual([]);
    expect(entries.map((entry) => entry.text)).toEqual(['01031599878', '90.02.01-996.05', '95060795400']);
    expect(entries.map((entry) => entry.line)).toEqual([2, 3, 4]);
  });

  it('reads a YAML list of strings', async () => {
    const { entries, findings } = await readNationalNumberList(join(fixtures, 'numbers.yaml'));
    expect(findings).toEqual([]);
    expect(entries.map((entry) => entry.text)).toEqual(['90020199605', '01031599878', '40010199842']);
  });

  it('rejects a YAML number type', async () => {
    const file = join(fixtures, 'numbers-with-number-type.yaml');
    const { findings } = await readNationalNumberList(file);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'identity:numberSource.numberType', file, line: 5, column: 5, params: { digits: 10 } });
  });

  it('rejects a JSON number type', async () => {
    const { findings } = await readNationalNumberList(join(fixtures, 'numbers-with-number-type.json'));
    expect(findings.map((finding) => finding.code)).toEqual(['identity:numberSource.numberType']);
    expect(findings[0]?.path).toEqual([1]);
  });

  it('needs a number column in CSV', async () => {
    const { findings } = await readNationalNumberList(join(fixtures, 'numbers-without-column.csv'));
    expect(findings.map((finding) => finding.code)).toEqual(['identity:numberSource.noNumberColumn']);
  });

  it('needs a list in YAML', async () => {
    const { findings } = await readNationalNumberList(join(projectRoot, 'package.json'));
    expect(findings.map((finding) => finding.code)).toEqual(['identity:numberSource.notList']);
  });

  it('reports a missing file', async () => {
    const { findings } = await readNationalNumberList(join(fixtures, 'no-such-file.csv'));
    expect(findings.map((finding) => finding.code)).toEqual(['file.notFound']);
  });
});
