import { createHash, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/findings/index.js';
import {
  computePseudonym,
  createPseudonymKey,
  encodeBase32,
  parsePseudonymKeyText,
  pseudonymizeNationalNumber,
  type PseudonymKey,
} from '../../src/identity/index.js';
import { createTranslator } from '../../src/i18n/index.js';
import { pseudonymCase } from './cases.js';
import { pad } from './numbers.js';

const today = { year: 2026, month: 6, day: 15 };
const secretHex = 'a3b1'.repeat(16);
const key = parsePseudonymKeyText(secretHex);

function pseudonymOf(number: string, withKey: PseudonymKey = key): string {
  const result = pseudonymizeNationalNumber(number, { key: withKey, today });
  if (!result.valid) expect.fail(`expected a valid number, got ${JSON.stringify(result.problems)}`);
  return result.pseudonym;
}

/** Every number an attacker would try for one birth date: counters 000-999, checks 00-99. */
function candidatesForBirthDate(yymmdd: string): string[] {
  const candidates: string[] = [];
  for (let counter = 0; counter <= 999; counter++) {
    for (let check = 0; check <= 99; check++) candidates.push(`${yymmdd}${pad(counter, 3)}${pad(check, 2)}`);
  }
  return candidates;
}

describe('unkeyed hash versus keyed pseudonym', () => {
  const entry = pseudonymCase('unkeyed-hash-reversed');
  const number = entry.input!;
  const [year, month, day] = entry.knownToAttacker!.split('-');
  const candidates = candidatesForBirthDate(`${year!.slice(2)}${month}${day}`);

  it('enumerates 100 000 candidates', () => {
    expect(candidates).toHaveLength(100_000);
    expect(candidates).toContain(number);
  });

  it('reverses an unkeyed SHA-256', () => {
    const leaked = createHash('sha256').update(number).digest('hex');
    const found = candidates.filter((candidate) => createHash('sha256').update(candidate).digest('hex') === leaked);
    expect(found).toEqual([number]);
  });

  it('finds nothing without the key', () => {
    const leaked = pseudonymOf(number);
    const digestPart = leaked.split(':')[2]!;
    const guessedKey = createPseudonymKey(randomBytes(32), key.id);

    const found = candidates.filter((candidate) => {
      const plainDigest = encodeBase32(createHash('sha256').update(candidate).digest());
      const guessedDigest = computePseudonym(candidate, 'person-number', guessedKey).split(':')[2];
      return plainDigest === digestPart || guessedDigest === digestPart;
    });
    expect(found).toEqual([]);
  });

  it('is found again with the key', () => {
    const leaked = pseudonymOf(number);
    const found = candidates.filter((candidate) => computePseudonym(candidate, 'person-number', key) === leaked);
    expect(found).toEqual([number]);
  });
});

describe('pseudonym keys', () => {
  const number = pseudonymCase('two-keys').input!;

  it('gives two pseudonyms for two keys', () => {
    const otherKey = parsePseudonymKeyText('5c4e'.repeat(16));
    expect(pseudonymOf(number, otherKey)).not.toBe(pseudonymOf(number, key));
  });

  it('rejects a missing key', () => {
    const call = () => pseudonymizeNationalNumber(number, { key: undefined as unknown as PseudonymKey, today });
    expect(call).toThrow(InputError);
    try {
      call();
    } catch (error) {
      const finding = (error as InputError).findings[0]!;
      expect(finding.code).toBe('identity:key.missing');
      expect(createTranslator('en').t(finding.code, finding.params)).toContain('createPseudonymKey');
    }
  });

  it('rejects a short key', () => {
    expect(() => parsePseudonymKeyText('ab'.repeat(31))).toThrow(InputError);
    expect(() => createPseudonymKey(new Uint8Array(31))).toThrow(InputError);
  });

  it('rejects text that is no key', () => {
    expect(() => parsePseudonymKeyText('not a key at all!')).toThrow(InputError);
  });

  it('reads hex and base64 alike', () => {
    const base64 = Buffer.from(secretHex, 'hex').toString('base64');
    const base64Url = Buffer.from(secretHex, 'hex').toString('base64url');
    expect(pseudonymOf(number, parsePseudonymKeyText(base64))).toBe(pseudonymOf(number));
    expect(pseudonymOf(number, parsePseudonymKeyText(base64Url))).toBe(pseudonymOf(number));
    expect(pseudonymOf(number, parsePseudonymKeyText(`  ${secretHex.toUpperCase()}\n`))).toBe(pseudonymOf(number));
  });

  it('never prints the secret', () => {
    const shown = `${JSON.stringify(key)} ${inspect(key, { depth: 5 })} ${String(key.secret)}`;
    expect(shown).not.toContain(secretHex);
    expect(shown).not.toContain(Buffer.from(secretHex, 'hex').toString('base64'));
  });

  it('uses a fingerprint as default id', () => {
    expect(key.id).toMatch(/^[0-9a-f]{8}$/);
    expect(parsePseudonymKeyText(secretHex, 'host-2026').id).toBe('host-2026');
    expect(() => parsePseudonymKeyText(secretHex, 'bad:id')).toThrow(InputError);
  });
});

describe('pseudonym format', () => {
  it('has version, key id and digest', () => {
    expect(pseudonymOf('90020199605')).toMatch(new RegExp(`^v1:${key.id}:[a-z2-7]{52}$`));
  });

  it('is the same for printed forms', () => {
    expect(pseudonymOf('90.02.01-996.05')).toBe(pseudonymOf('90020199605'));
    expect(pseudonymOf(' 90 02 01 996 05 ')).toBe(pseudonymOf('90020199605'));
  });

  it('differs between domains', () => {
    expect(computePseudonym('90020199605', 'person-number', key)).not.toBe(computePseudonym('90020199605', 'alternative-number', key));
  });

  it('is refused for an invalid number', () => {
    const result = pseudonymizeNationalNumber('95060795400', { key, today });
    expect(result.valid).toBe(false);
    expect(JSON.stringify(result)).not.toContain('v1:');
  });

  it('encodes base32 per RFC 4648', () => {
    // Test vectors of RFC 4648 section 10, lowercase and without padding.
    expect(encodeBase32(Buffer.from(''))).toBe('');
    expect(encodeBase32(Buffer.from('f'))).toBe('my');
    expect(encodeBase32(Buffer.from('fo'))).toBe('mzxq');
    expect(encodeBase32(Buffer.from('foo'))).toBe('mzxw6');
    expect(encodeBase32(Buffer.from('foob'))).toBe('mzxw6yq');
    expect(encodeBase32(Buffer.from('fooba'))).toBe('mzxw6ytb');
    expect(encodeBase32(Buffer.from('foobar'))).toBe('mzxw6ytboi');
  });
});

describe('placeholder keys', () => {
  it('one repeated byte is rejected', () => {
    expect(() => createPseudonymKey(new Uint8Array(32))).toThrow(InputError);
    expect(() => parsePseudonymKeyText('5c'.repeat(32))).toThrow(InputError);
  });
});
