import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/findings/index.js';
import {
  checkAlternativeNumberRules,
  computeCheckSymbols,
  deriveAlternativeNumber,
  formatCode,
  hasValidCheckSymbols,
  loadAlternativeNumberRules,
  normalizeName,
  parsePseudonymKeyText,
  pseudonymizeAlternativeNumber,
  verifyAlternativeNumber,
  type AlternativeNumber,
  type AlternativeNumberRules,
} from '../../src/identity/index.js';
import { parseYamlText } from '../../src/source/index.js';
import { pseudonymCase } from './cases.js';

const today = { year: 2026, month: 6, day: 15 };
const key = parsePseudonymKeyText('a3b1'.repeat(16));
const otherKey = parsePseudonymKeyText('5c4e'.repeat(16));
let rules: AlternativeNumberRules;

beforeAll(async () => {
  rules = await loadAlternativeNumberRules();
});

const zoe = {
  birth_date: '1994-03-08',
  birth_country: 'CD',
  first_name: 'Zoë',
  birth_family_name: 'Kabila-Mbuyi',
};

function derive(answers: unknown, options: { withRules?: AlternativeNumberRules; withKey?: typeof key } = {}): AlternativeNumber {
  const outcome = deriveAlternativeNumber(answers, { rules: options.withRules ?? rules, key: options.withKey ?? key, today });
  if (!outcome.ok) expect.fail(`expected a code, got ${JSON.stringify(outcome.findings)}`);
  return outcome.value;
}

function findingCodes(answers: unknown): string[] {
  const outcome = deriveAlternativeNumber(answers, { rules, key, today });
  return outcome.ok ? [] : outcome.findings.map((finding) => finding.code);
}

describe('alternative number derivation', () => {
  it('gives the same code twice', () => {
    expect(derive(zoe).code).toBe(derive({ ...zoe }).code);
  });

  it('has 12 characters in three groups', () => {
    expect(derive(zoe).code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('treats composed and decomposed Zoë alike', () => {
    const entry = pseudonymCase('unicode-normalisation');
    expect(entry.composed).not.toBe(entry.decomposed);
    expect(derive({ ...zoe, first_name: entry.decomposed }).code).toBe(derive({ ...zoe, first_name: entry.composed }).code);
  });

  it('ignores case, spaces and dash variants', () => {
    const typedDifferently = {
      birth_date: ' 1994-03-08 ',
      birth_country: 'cd',
      first_name: '  ZOË ',
      birth_family_name: 'kabila \u2013 MBUYI',
    };
    expect(derive(typedDifferently).code).toBe(derive(zoe).code);
  });

  it('unifies apostrophe variants', () => {
    const straight = { ...zoe, birth_family_name: "N'Diaye" };
    const curly = { ...zoe, birth_family_name: 'N\u2019Diaye' };
    expect(derive(curly).code).toBe(derive(straight).code);
  });

  it('strips diacritics as the rules say', () => {
    expect(derive({ ...zoe, first_name: 'Zoe' }).code).toBe(derive(zoe).code);

    const keeping = { ...rules, names: { ...rules.names, diacritics: 'keep' as const } };
    expect(derive({ ...zoe, first_name: 'Zoe' }, { withRules: keeping }).code).not.toBe(derive(zoe, { withRules: keeping }).code);
    expect(derive({ ...zoe, first_name: 'Zoe\u0308' }, { withRules: keeping }).code).toBe(derive(zoe, { withRules: keeping }).code);
  });

  it('replaces country aliases', () => {
    const greek = { ...zoe, birth_country: 'GR' };
    expect(derive({ ...zoe, birth_country: 'EL' }).code).toBe(derive(greek).code);
  });

  it('differs for each answer', () => {
    const codes = new Set([
      derive(zoe).code,
      derive({ ...zoe, birth_date: '1994-03-09' }).code,
      derive({ ...zoe, birth_country: 'CG' }).code,
      derive({ ...zoe, first_name: 'Zoé Marie' }).code,
      derive({ ...zoe, birth_family_name: 'Kabila' }).code,
    ]);
    expect(codes.size).toBe(5);
  });

  it('differs for another key', () => {
    expect(derive(zoe, { withKey: otherKey }).code).not.toBe(derive(zoe).code);
  });

  it('reports the normalised answers', () => {
    expect(derive(zoe).normalizedAnswers).toEqual({
      birth_date: '1994-03-08',
      birth_country: 'CD',
      first_name: 'zoe',
      birth_family_name: 'kabila-mbuyi',
    });
    expect(derive(zoe).rules).toEqual({ id: 'bib-alternative-number', version: '1.0.0' });
  });

  // Two women with identical answers get one code: bib-core cannot tell them apart, and the
  // host detects the collision from the dossier that already carries the code.
  it('collides for identical answers', () => {
    const first = derive(zoe);
    const second = derive({ ...zoe, first_name: 'ZOE' });
    expect(second.code).toBe(first.code);
    expect(second.normalizedAnswers).toEqual(first.normalizedAnswers);
  });

  it('accepts partial birth dates', () => {
    expect(derive({ ...zoe, birth_date: '1994-03' }).code).not.toBe(derive({ ...zoe, birth_date: '1994' }).code);
  });

  it('rejects a missing key', () => {
    expect(() => deriveAlternativeNumber(zoe, { rules, key: undefined as unknown as typeof key, today })).toThrow(InputError);
  });
});

describe('alternative number answers', () => {
  it('rejects numbers and dates typed unquoted', () => {
    const parsed = parseYamlText('birth_date: 1994\nbirth_country: CD\nfirst_name: Zoë\nbirth_family_name: 0612\n', 'answers.yaml');
    if (!parsed.ok) expect.fail('fixture does not parse');
    const outcome = deriveAlternativeNumber(parsed.document.data, { rules, key, today, document: parsed.document });
    expect(outcome.ok).toBe(false);
    const findings = outcome.ok ? [] : outcome.findings;
    expect(findings.map((finding) => finding.code)).toEqual(['identity:alternative.notText', 'identity:alternative.notText']);
    expect(findings.map((finding) => finding.line)).toEqual([1, 4]);
  });

  it('rejects impossible and future dates', () => {
    expect(findingCodes({ ...zoe, birth_date: '1994-02-30' })).toEqual(['identity:alternative.badDate']);
    expect(findingCodes({ ...zoe, birth_date: '08/03/1994' })).toEqual(['identity:alternative.badDate']);
    expect(findingCodes({ ...zoe, birth_date: '1994-13' })).toEqual(['identity:alternative.badDate']);
    expect(findingCodes({ ...zoe, birth_date: '2026-06-16' })).toEqual(['identity:alternative.futureDate']);
    expect(findingCodes({ ...zoe, birth_date: '1899' })).toEqual(['identity:alternative.dateTooEarly']);
  });

  it('rejects unknown countries', () => {
    expect(findingCodes({ ...zoe, birth_country: 'Congo' })).toEqual(['identity:alternative.unknownCountry']);
    expect(findingCodes({ ...zoe, birth_country: 'ZZ' })).toEqual(['identity:alternative.unknownCountry']);
  });

  it('rejects missing, empty and unknown answers', () => {
    const { first_name: _dropped, ...withoutFirstName } = zoe;
    expect(findingCodes(withoutFirstName)).toEqual(['identity:alternative.missing']);
    expect(findingCodes({ ...zoe, first_name: ' \u200B ' })).toEqual(['identity:alternative.empty']);
    expect(findingCodes({ ...zoe, firstname: 'Zoë' })).toEqual(['identity:alternative.unknownQuestion']);
    expect(findingCodes({ ...zoe, first_name: 'Zo\u0007ë' })).toEqual(['identity:alternative.controlCharacter']);
    expect(findingCodes(['Zoë'])).toEqual(['identity:alternative.notMapping']);
  });
});

describe('alternative number without defaults', () => {
  // Consent itself belongs to access; here the same fault would fill a missing answer.
  it('fills in no missing answer', () => {
    const entry = pseudonymCase('no-defaults');
    for (const answers of entry.answers!) {
      const before = structuredClone(answers);
      const codes = findingCodes(answers);
      expect(codes.filter((code) => code === 'identity:alternative.missing')).toHaveLength(4);
      expect(answers).toEqual(before);
    }
  });
});

describe('name normalisation', () => {
  const names = () => rules.names;

  it('folds sharp s and final sigma', () => {
    expect(normalizeName('Straße', names())).toBe(normalizeName('STRASSE', names()));
    expect(normalizeName('ẞ', names())).toBe('ss');
    expect(normalizeName('Νικόλαος', names())).toBe(normalizeName('ΝΙΚΟΛΑΟΣ', names()));
  });

  it('keeps marks outside Latin and Greek', () => {
    expect(normalizeName('Йосиф', names())).toBe('йосиф');
  });

  it('closes spaces around hyphens', () => {
    expect(normalizeName('Anne -  Marie', names())).toBe('anne-marie');
    expect(normalizeName('Anne\u00A0Marie', names())).toBe('anne marie');
  });
});

describe('alternative number verification', () => {
  it('accepts a derived code', () => {
    const { code } = derive(zoe);
    expect(verifyAlternativeNumber(code, rules)).toEqual({ valid: true, code });
  });

  it('accepts lowercase, spaces and look-alikes', () => {
    const { code } = derive(zoe);
    const typed = code.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o').replaceAll('1', 'l');
    expect(verifyAlternativeNumber(typed, rules)).toEqual({ valid: true, code });
  });

  it('names the reason for a bad code', () => {
    expect(verifyAlternativeNumber('ABCD-EFGH', rules).valid).toBe(false);
    expect(verifyAlternativeNumber('ABCD-EFGH', rules)).toMatchObject({ reason: 'wrongLength' });
    expect(verifyAlternativeNumber('ABCD-EFGH-ABCU', rules)).toMatchObject({ reason: 'unknownCharacter' });
    const { code } = derive(zoe);
    const changed = code.slice(0, 5) + (code[5] === 'A' ? 'B' : 'A') + code.slice(6);
    expect(verifyAlternativeNumber(changed, rules)).toMatchObject({ reason: 'badCheck' });
  });

  it('pseudonymises only a valid code', () => {
    const { code } = derive(zoe);
    expect(pseudonymizeAlternativeNumber(code, { rules, key })).toMatch(/^v1:[0-9a-f]{8}:[a-z2-7]{52}$/);
    expect(pseudonymizeAlternativeNumber(code.toLowerCase(), { rules, key })).toBe(pseudonymizeAlternativeNumber(code, { rules, key }));
    expect(pseudonymizeAlternativeNumber('ABCD-EFGH-ABCD', { rules, key })).toBeUndefined();
  });
});

describe('check character properties', () => {
  const payloadArbitrary = fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 10, maxLength: 10 });
  const codeOf = (payload: number[]) => formatCode([...payload, ...computeCheckSymbols(payload)], rules);

  it('catches every single substitution', () => {
    fc.assert(
      fc.property(payloadArbitrary, (payload) => {
        const symbols = [...payload, ...computeCheckSymbols(payload)];
        expect(hasValidCheckSymbols(symbols)).toBe(true);
        for (let position = 0; position < symbols.length; position++) {
          for (let replacement = 0; replacement < 32; replacement++) {
            if (replacement === symbols[position]) continue;
            const mistyped = symbols.with(position, replacement);
            expect(hasValidCheckSymbols(mistyped), `position ${position} to ${replacement}`).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('catches every neighbour swap', () => {
    fc.assert(
      fc.property(payloadArbitrary, (payload) => {
        const symbols = [...payload, ...computeCheckSymbols(payload)];
        for (let position = 0; position + 1 < symbols.length; position++) {
          if (symbols[position] === symbols[position + 1]) continue;
          const swapped = symbols.with(position, symbols[position + 1]!).with(position + 1, symbols[position]!);
          expect(hasValidCheckSymbols(swapped), `swap at ${position}`).toBe(false);
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it('catches the same errors in typed codes', () => {
    fc.assert(
      fc.property(payloadArbitrary, fc.nat(), fc.nat(), (payload, positionSeed, characterSeed) => {
        const code = codeOf(payload);
        expect(verifyAlternativeNumber(code, rules).valid).toBe(true);

        const compact = code.replaceAll('-', '');
        const position = positionSeed % compact.length;
        const alphabet = rules.code.alphabet;
        const replacement = alphabet[(alphabet.indexOf(compact[position]!) + 1 + (characterSeed % 31)) % 32]!;
        const mistyped = compact.slice(0, position) + replacement + compact.slice(position + 1);
        expect(verifyAlternativeNumber(mistyped, rules).valid).toBe(false);

        const swapAt = position % (compact.length - 1);
        if (compact[swapAt] !== compact[swapAt + 1]) {
          const swapped = compact.slice(0, swapAt) + compact[swapAt + 1] + compact[swapAt] + compact.slice(swapAt + 2);
          expect(verifyAlternativeNumber(swapped, rules).valid).toBe(false);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('alternative number rule file', () => {
  it('rejects a repeated alphabet character', () => {
    const text = 'kind: AlternativeNumberRules\nid: x\nversion: "1.0.0"\ndomain: d\nquestions: [{ id: a, type: name }]\n' +
      'names: { diacritics: strip, hyphens: [], apostrophes: [] }\ncountries: { aliases: {}, codes: [BE] }\n' +
      'code: { alphabet: "0023456789ABCDEFGHJKMNPQRSTVWXYZ", aliases: {}, payloadLength: 10, groupSize: 4, separator: "-" }\n';
    const parsed = parseYamlText(text, 'rules.yaml');
    if (!parsed.ok) expect.fail('fixture does not parse');
    expect(() => checkAlternativeNumberRules(parsed.document)).toThrow(InputError);
  });

  it('rejects an unquoted version', () => {
    const parsed = parseYamlText('kind: AlternativeNumberRules\nid: x\nversion: 1.10\n', 'rules.yaml');
    if (!parsed.ok) expect.fail('fixture does not parse');
    expect(() => checkAlternativeNumberRules(parsed.document)).toThrow(InputError);
  });
});
