import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDuplicateJsonKey } from '../../src/diff/json-duplicate-key.js';
import { runCli } from '../support/cli.js';
import { catalogs, diffFixtures, diffOver } from './support.js';

const scratch = mkdtempSync(join(tmpdir(), 'bib-diff-duplicates-'));
function write(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

async function diffCli(answers: string) {
  const { baseDir, headDir } = await catalogs();
  return runCli(['--locale', 'en', 'diff', '--base', baseDir, '--head', headDir, '--answers', answers]);
}

describe('duplicate JSON keys', () => {
  it('JSON line with a duplicate answer', async () => {
    const record = '{"questionnaire":"bib-screening@2.0.0","answers":{"nervous":"not_at_all","nervous":"nearly_every_day"}}';
    const file = write('duplicate.jsonl', `{"questionnaire":"bib-screening@2.0.0","answers":{}}\n  ${record}\n`);
    const run = await diffCli(file);
    const column = 2 + record.lastIndexOf('"nervous"') + 1;

    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${file}:2:${column}: error: the key "nervous" appears twice in the same mapping.`);
  });

  it('same key in two objects is allowed', () => {
    expect(findDuplicateJsonKey('{"answers":{"a":"x"},"followUps":{"a":"y"}}')).toBeUndefined();
    expect(findDuplicateJsonKey('[{"a":1},{"a":2}]')).toBeUndefined();
  });

  it('escaped key equals its plain form', () => {
    expect(findDuplicateJsonKey('{"a":1,"\\u0061":2}')).toEqual({ key: 'a', offset: 7 });
  });

  it('string values are not keys', () => {
    expect(findDuplicateJsonKey('{"a":"b","b":"a:","c":["a","a"]}')).toBeUndefined();
    expect(findDuplicateJsonKey('{"a\\"":1,"a\\"" :2}')).toEqual({ key: 'a"', offset: 9 });
  });

  it('JSON.stringify output never has duplicates', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(findDuplicateJsonKey(JSON.stringify(value, null, 1))).toBeUndefined();
      }),
    );
  });

  it('repeated key is found where inserted', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 }), fc.nat(), (object, pick) => {
        const keys = Object.keys(object);
        const key = keys[pick % keys.length]!;
        const body = JSON.stringify(object);
        const repeated = `${JSON.stringify(key)}:null`;
        const text = `${body.slice(0, -1)},${repeated}}`;

        expect(findDuplicateJsonKey(text)).toEqual({ key, offset: body.length });
      }),
    );
  });
});

describe('CSV header', () => {
  it('column named twice is rejected', async () => {
    const file = write('duplicate.csv', 'questionnaire,nervous,nervous\nbib-screening@2.0.0,not_at_all,nearly_every_day\n');
    const run = await diffCli(file);

    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${file}:1:3: error: the CSV header names the column "nervous" twice (columns 2 and 3)`);
  });

  it('semicolon file gives the comma result', async () => {
    const commas = readFileSync(join(diffFixtures, 'anxiety-answers.csv'), 'utf8');
    const semicolons = write('anxiety-answers-semicolons.csv', commas.replaceAll(',', ';'));

    const expected = await diffOver(join(diffFixtures, 'anxiety-answers.csv'));
    const actual = await diffOver(semicolons);
    expect(actual.answerSets).toEqual(expected.answerSets);
    expect(actual.changed.map((entry) => entry.answerSet)).toEqual(expected.changed.map((entry) => entry.answerSet));
    expect(actual.changed.length).toBeGreaterThan(0);
  });

  it('comma header keeps semicolons in cells', async () => {
    const file = write('mixed.csv', 'questionnaire,nervous;uncontrolled_worry\nbib-screening@2.0.0,not_at_all\n');
    const run = await diffCli(file);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('nervous;uncontrolled_worry');
  });
});

describe('answers path', () => {
  it('device is rejected with exit 2', async () => {
    const run = await diffCli('/dev/null');

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('/dev/null is neither a regular file nor a folder');
    expect(run.stderr).not.toContain('internal error');
  });
});
