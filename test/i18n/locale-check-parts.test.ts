import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpolationVariables } from '../../src/i18n/check/interpolation.js';
import { jsonSyntaxErrorOffset, locateJsonError } from '../../src/source/json-syntax.js';
import { parsePluralKey, pluralCategories, pluralKey, requiredPluralCategories } from '../../src/i18n/check/plural.js';

describe('interpolationVariables', () => {
  it('reads plain, unescaped and formatted variables', () => {
    expect(interpolationVariables('{{name}} has {{- html}} and {{date, datetime}} and {{ spaced }}')).toEqual(['date', 'html', 'name', 'spaced']);
  });

  it('lists a repeated variable once', () => {
    expect(interpolationVariables('{{count}} of {{count}}')).toEqual(['count']);
  });

  it('ignores text without variables', () => {
    expect(interpolationVariables('Vous arrive-t-il de penser à vous faire du mal ?')).toEqual([]);
  });
});

describe('plural keys', () => {
  it('reads cardinal and ordinal suffixes', () => {
    expect(parsePluralKey('summary.errors_one')).toEqual({ base: 'summary.errors', ordinal: false, category: 'one' });
    expect(parsePluralKey('place_ordinal_two')).toEqual({ base: 'place', ordinal: true, category: 'two' });
  });

  it('leaves option codes alone', () => {
    expect(parsePluralKey('items.support_persons.options.one')).toBeUndefined();
    expect(parsePluralKey('items.psychiatric_history.options.yes_past')).toBeUndefined();
  });

  it('round-trips any base and category', () => {
    const base = fc.stringMatching(/^[a-z][a-z.]{0,12}[a-z]$/);
    fc.assert(
      fc.property(base, fc.boolean(), fc.constantFrom(...pluralCategories), (key, ordinal, category) => {
        expect(parsePluralKey(pluralKey(key, ordinal, category))).toEqual({ base: key, ordinal, category });
      }),
    );
  });

  it('requires many in French', () => {
    expect(requiredPluralCategories('fr', false)).toEqual(['one', 'many', 'other']);
    expect(requiredPluralCategories('nl', false)).toEqual(['one', 'other']);
    expect(requiredPluralCategories('en', true)).toEqual(['one', 'two', 'few', 'other']);
  });
});

describe('JSON error positions', () => {
  // Node 20's JSON.parse gives no offset for several of these, such as the trailing comma.
  const cases: [string, string, { line: number; column: number }][] = [
    ['an unclosed object', '{\n', { line: 2, column: 1 }],
    ['a trailing comma', '{\n  "a": "x",\n}\n', { line: 3, column: 1 }],
    ['a comment', '{\n  // texts\n  "a": "x"\n}', { line: 2, column: 3 }],
    ['a single-quoted key', "{ 'a': 1 }", { line: 1, column: 3 }],
    ['a missing comma', '{\n  "a": "x"\n  "b": "y"\n}', { line: 3, column: 3 }],
    ['a byte order mark', '\uFEFF{}', { line: 1, column: 1 }],
    ['a line break in a string', '{"a": "x\ny"}', { line: 1, column: 9 }],
    ['an unknown escape', '{"a": "\\q"}', { line: 1, column: 9 }],
    ['text after the object', '{}\n}', { line: 2, column: 1 }],
  ];

  for (const [name, text, position] of cases) {
    it(`locates ${name}`, () => {
      expect(locateJsonError(text)).toEqual(position);
    });
  }

  it('accepts what JSON.stringify writes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(jsonSyntaxErrorOffset(text)).toBeUndefined();
        expect(locateJsonError(text)).toBeUndefined();
      }),
    );
  });

  it('agrees with JSON.parse on broken texts', () => {
    // One edit of a valid text: insert, delete or replace one character.
    const edited = fc
      .tuple(fc.jsonValue(), fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), fc.constantFrom(...'{}[],:"\\ \nx0-.e'))
      .map(([value, at, edit, character]) => {
        const text = JSON.stringify(value, null, 1);
        const index = at % (text.length + 1);
        if (edit === 'insert') return text.slice(0, index) + character + text.slice(index);
        if (edit === 'delete') return text.slice(0, index) + text.slice(index + 1);
        return text.slice(0, index) + character + text.slice(index + 1);
      });
    fc.assert(
      fc.property(edited, (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        const offset = jsonSyntaxErrorOffset(text);
        expect(offset === undefined, JSON.stringify(text)).toBe(parses);
        if (offset !== undefined) expect(offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 500 },
    );
  });
});
