import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpolationVariables } from '../../src/i18n/check/interpolation.js';
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
