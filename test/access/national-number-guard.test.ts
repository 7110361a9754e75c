import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeNationalNumber, maskNationalNumbers } from '../../src/access/index.js';

describe('looksLikeNationalNumber', () => {
  it.each(['90020199605', '90.02.01-996.05', '90 02 01 996 05', 'ps-90020199605', 'x90020199605x', '900201996051', '９００２０１９９６０５', '1031599878'])(
    'flags %s',
    (text) => {
      expect(looksLikeNationalNumber(text)).toBe(true);
    },
  );

  it.each(['ps-Xw3v9QdLrT8mKp2Z', '2025-06-10', 'prof-0042', '103159987', '90.02.01', 'ps-1234-5678', '2025-06-10T08:00:00.000Z'])('accepts %s', (text) => {
    expect(looksLikeNationalNumber(text)).toBe(false);
  });

  it('flags every text with 11 digits in a row', () => {
    fc.assert(
      fc.property(fc.string(), fc.stringMatching(/^[0-9]{11}$/), fc.string(), (before, digits, after) => {
        expect(looksLikeNationalNumber(before + digits + after)).toBe(true);
      }),
    );
  });
});

describe('maskNationalNumbers', () => {
  it('hides the digits and keeps the rest', () => {
    expect(maskNationalNumbers('pseudonym 90.02.01-996.05 given')).toBe('pseudonym *************** given');
  });

  it('leaves no 11 digits behind', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('0', '1', '9', '.', '-', ' ', 'a') }), (text) => {
        expect(maskNationalNumbers(text)).not.toMatch(/\d{11}/);
      }),
    );
  });
});
