import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkNationalNumber,
  formatBirthDate,
  maskNationalNumber,
  normalizeNationalNumber,
  redactNumbers,
  type NationalNumberCheck,
  type ValidNationalNumber,
} from '../../src/identity/index.js';
import { createTranslator, supportedLocales } from '../../src/i18n/index.js';
import { parseCivilDate, type CivilDate } from '../../src/periods/index.js';
import { parseYamlText } from '../../src/source/index.js';
import { projectRoot } from '../support/cli.js';
import { buildNumber, nationalNumberPartsArbitrary, pad } from './numbers.js';

interface NumberCase {
  input: string;
  valid: boolean;
  kind?: string;
  birthDate?: string | null;
  sexKnownAtIssue?: boolean;
  reasons?: string[];
  messageMentions?: string;
  fault: string;
}

function readCases(): { today: CivilDate; cases: NumberCase[] } {
  const file = join(projectRoot, 'test', 'fixtures', 'identity', 'national-numbers.yaml');
  const parsed = parseYamlText(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(`fixture does not parse: ${JSON.stringify(parsed.findings)}`);
  const data = parsed.document.data as { today: string; cases: NumberCase[] };
  return { today: parseCivilDate(data.today)!, cases: data.cases };
}

const { today, cases } = readCases();

/** Asserts that a check is valid and returns it typed as such. */
function expectValid(check: NationalNumberCheck): ValidNationalNumber {
  if (!check.valid) expect.fail(`expected a valid number, got ${JSON.stringify(check.problems)}`);
  return check;
}

function reasonsOf(check: NationalNumberCheck): string[] {
  return check.valid ? [] : check.problems.map((problem) => problem.reason);
}

describe('national number fault cases', () => {
  it.each(cases.map((entry) => [entry.input, entry]))('%s', (_input, entry) => {
    const check = checkNationalNumber(entry.input, today);

    expect(check.valid, entry.fault).toBe(entry.valid);
    if (check.valid) {
      expect(check.kind).toBe(entry.kind);
      expect(formatBirthDate(check.birthDate)).toBe(entry.birthDate);
      expect(check.sexKnownAtIssue).toBe(entry.sexKnownAtIssue);
    } else {
      expect(reasonsOf(check)).toEqual(entry.reasons);
    }
  });

  it('explains a lost leading zero', () => {
    const check = checkNationalNumber('1031599878', today);
    expect(check.valid).toBe(false);
    const problem = !check.valid ? check.problems[0]! : undefined;
    const english = createTranslator('en').t(problem!.code, problem!.params);
    expect(english).toContain('11 digits');
    expect(english).toContain('leading zero');
  });

  it('reports the century that the check chose', () => {
    const check = checkNationalNumber('01031599878', today);
    expect(expectValid(check).century).toBe(2000);
    const older = checkNationalNumber('90020199605', today);
    expect(expectValid(older).century).toBe(1900);
  });
});

describe('national number dates', () => {
  it('rejects 31 February', () => {
    expect(reasonsOf(checkNationalNumber(buildNumber({ year: 1990, monthField: 2, day: 31, counter: 1 }), today))).toEqual(['impossibleDay']);
  });

  it('rejects 29 February 1900', () => {
    expect(reasonsOf(checkNationalNumber(buildNumber({ year: 1900, monthField: 2, day: 29, counter: 1 }), today))).toEqual(['impossibleDay']);
  });

  it('accepts 29 February 2000', () => {
    const check = checkNationalNumber(buildNumber({ year: 2000, monthField: 2, day: 29, counter: 1 }), today);
    expect(formatBirthDate(expectValid(check).birthDate)).toBe('2000-02-29');
  });

  it('accepts day 00 of a known month', () => {
    const check = checkNationalNumber(buildNumber({ year: 1975, monthField: 4, day: 0, counter: 12 }), today);
    expect(formatBirthDate(expectValid(check).birthDate)).toBe('1975-04');
  });

  it('accepts any day under month 00', () => {
    for (const day of [0, 1, 31, 32, 99]) {
      const check = checkNationalNumber(buildNumber({ year: 1988, monthField: 0, day, counter: 5 }), today);
      expect(formatBirthDate(expectValid(check).birthDate), `day ${day}`).toBe('1988');
    }
  });

  it('reads BIS month 20 and 40 as unknown', () => {
    const unknownSex = checkNationalNumber(buildNumber({ year: 1970, monthField: 20, day: 0, counter: 7 }), today);
    expect(expectValid(unknownSex).kind).toBe('bis');
    expect(formatBirthDate(expectValid(unknownSex).birthDate)).toBe('1970');
    expect(expectValid(unknownSex).sexKnownAtIssue).toBe(false);

    const knownSex = checkNationalNumber(buildNumber({ year: 1970, monthField: 40, day: 0, counter: 7 }), today);
    expect(expectValid(knownSex).sexKnownAtIssue).toBe(true);
  });

  it('rejects months between the ranges', () => {
    for (const monthField of [13, 19, 33, 39, 53, 60, 99]) {
      const check = checkNationalNumber(buildNumber({ year: 1990, monthField, day: 1, counter: 1 }), today);
      expect(reasonsOf(check), `month ${monthField}`).toEqual(['impossibleMonth']);
    }
  });

  it('uses the given today for future births', () => {
    const bornOnToday = buildNumber({ year: 2026, monthField: 6, day: 15, counter: 1 });
    const bornTomorrow = buildNumber({ year: 2026, monthField: 6, day: 16, counter: 1 });
    expect(checkNationalNumber(bornOnToday, today).valid).toBe(true);
    expect(reasonsOf(checkNationalNumber(bornTomorrow, today))).toEqual(['futureBirth']);
    expect(checkNationalNumber('40010199842', { year: 2041, month: 1, day: 1 }).valid).toBe(true);
  });

  it('judges a partial date by its earliest day', () => {
    const thisYearUnknownMonth = buildNumber({ year: 2026, monthField: 0, day: 0, counter: 3 });
    const nextYear = buildNumber({ year: 2027, monthField: 0, day: 0, counter: 3 });
    expect(checkNationalNumber(thisYearUnknownMonth, today).valid).toBe(true);
    expect(reasonsOf(checkNationalNumber(nextYear, today))).toEqual(['futureBirth']);
  });
});

describe('national number counters', () => {
  it('rejects counters 000 and 999', () => {
    for (const counter of [0, 999]) {
      const check = checkNationalNumber(buildNumber({ year: 1995, monthField: 6, day: 7, counter }), today);
      expect(reasonsOf(check), `counter ${counter}`).toEqual(['counterOutOfRange']);
    }
  });

  it('ignores the parity of the counter', () => {
    for (const counter of [1, 2, 997, 998]) {
      expect(checkNationalNumber(buildNumber({ year: 1995, monthField: 6, day: 7, counter }), today).valid, `counter ${counter}`).toBe(true);
    }
  });

  // NOTE: the counter range is checked only for national register numbers, because the
  // federal rules state it only for them. A BIS number with counter 000 passes.
  it('leaves BIS counters unchecked', () => {
    expect(checkNationalNumber(buildNumber({ year: 1995, monthField: 46, day: 7, counter: 0 }), today).valid).toBe(true);
  });
});

describe('national number normalising', () => {
  it('accepts spaces and full-width digits', () => {
    expect(normalizeNationalNumber(' 90 02 01 996 05 ')).toBe('90020199605');
    expect(normalizeNationalNumber('９００２０１９９６０５')).toBe('90020199605');
    expect(normalizeNationalNumber('90/02/01-996.05')).toBeUndefined();
  });

  it('rejects other digit scripts', () => {
    expect(reasonsOf(checkNationalNumber('٩٠٠٢٠١٩٩٦٠٥', today))).toEqual(['notDigits']);
  });

  it('masks all but the birth date', () => {
    expect(maskNationalNumber('90020199605')).toBe('90.02.01-***.**');
    expect(maskNationalNumber('90.02.01-996.05')).toBe('90.02.01-***.**');
    expect(maskNationalNumber('1031599878')).not.toMatch(/\d/);
  });

  it('redacts long digit runs in free text', () => {
    expect(redactNumbers('jsn 90.02.01-996.05 x')).toBe('jsn **.**.**-***.** x');
    expect(redactNumbers('text')).toBe('text');
    expect(redactNumbers('12345')).toBe('12345');
  });

  it('keeps the number out of the result', () => {
    for (const entry of cases) {
      const digits = normalizeNationalNumber(entry.input);
      if (digits === undefined) continue;
      const serialised = JSON.stringify(checkNationalNumber(entry.input, today));
      expect(serialised, entry.input).not.toContain(digits);
      expect(serialised, entry.input).not.toContain(digits.slice(6));
    }
  });
});

describe('national number properties', () => {
  it('accepts every built number', () => {
    fc.assert(
      fc.property(nationalNumberPartsArbitrary, (parts) => {
        const number = buildNumber({ year: parts.year, monthField: parts.month, day: parts.day, counter: parts.counter });
        const check = checkNationalNumber(number, today);
        const expectedDate = `${parts.year}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
        return check.valid && check.kind === 'national_number' && formatBirthDate(check.birthDate) === expectedDate;
      }),
    );
  });

  it('gives printed and bare forms one verdict', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{11}$/), (digits) => {
        const printed = `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}-${digits.slice(6, 9)}.${digits.slice(9)}`;
        expect(checkNationalNumber(printed, today)).toEqual(checkNationalNumber(digits, today));
      }),
    );
  });

  it('never accepts check 00, 98 or 99', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{9}$/), fc.constantFrom('00', '98', '99'), (firstNine, check) => {
        expect(checkNationalNumber(firstNine + check, today).valid).toBe(false);
      }),
    );
  });

  it('rejects a number that lost its leading zero', () => {
    fc.assert(
      fc.property(nationalNumberPartsArbitrary.filter((parts) => parts.year >= 2000 && parts.year <= 2009), (parts) => {
        const number = buildNumber({ year: parts.year, monthField: parts.month, day: parts.day, counter: parts.counter });
        const withoutZero = String(Number(number));
        expect(reasonsOf(checkNationalNumber(withoutZero, today))).toEqual(['wrongLength']);
      }),
    );
  });

  it('accepts only what the rules allow', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{11}$/), (digits) => {
        const check = checkNationalNumber(digits, today);
        if (!check.valid) return;
        const month = Number(digits.slice(2, 4));
        const counter = Number(digits.slice(6, 9));
        const base = Number(digits.slice(0, 9));
        const checkDigits = Number(digits.slice(9));
        expect([97 - (base % 97), 97 - ((2_000_000_000 + base) % 97)]).toContain(checkDigits);
        expect(month <= 12 || (month >= 20 && month <= 32) || (month >= 40 && month <= 52)).toBe(true);
        if (check.kind === 'national_number') expect(counter >= 1 && counter <= 998).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('national number texts', () => {
  it('exist in every language', () => {
    const reasons = ['missing', 'wrongLength', 'notDigits', 'badCheck', 'impossibleMonth', 'impossibleDay', 'futureBirth', 'counterOutOfRange'];
    for (const locale of supportedLocales) {
      const translator = createTranslator(locale);
      for (const reason of reasons) {
        const text = translator.t(`identity:nationalNumber.${reason}`, { expected: 11, actual: 10, length: 11, month: '13', day: '31', year: 2040, counter: '000' });
        expect(text, `${locale} ${reason}`).not.toContain('{{');
      }
      expect(translator.t('identity:nationalNumber.wrongLength', { expected: 11, actual: 10, context: 'tooShort' })).not.toBe(
        translator.t('identity:nationalNumber.wrongLength', { expected: 11, actual: 10 }),
      );
    }
  });
});
