import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessReasonText, noPermitReason, renderAccessDecisionText, type AccessRuleSet } from '../../src/access/index.js';
import { createTranslator, supportedLocales } from '../../src/i18n/index.js';
import { packageRoot } from '../../src/package-root.js';
import { allowedRequest, decideWithEvents, shippedRuleSet } from './support.js';

function flattenKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => flattenKeys(inner, prefix ? `${prefix}.${key}` : key));
}

function accessTexts(locale: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(packageRoot, 'locales', locale, 'access.json'), 'utf8')) as Record<string, unknown>;
}

/** Every `access:` message code written in the module's source. */
function codesInSource(): string[] {
  const folder = join(packageRoot, 'src', 'access');
  const codes = new Set<string>();
  for (const file of readdirSync(folder)) {
    const source = readFileSync(join(folder, file), 'utf8');
    for (const match of source.matchAll(/'access:([a-zA-Z.]+)'/g)) codes.add(match[1] ?? '');
    // The one code built at run time: `access:rules.value.${expected}`.
    if (source.includes('`access:rules.value.${expected}`')) {
      codes.add('rules.value.list');
      codes.add('rules.value.single');
    }
  }
  return [...codes].sort();
}

let ruleSet: AccessRuleSet;

beforeAll(async () => {
  ruleSet = await shippedRuleSet();
});

describe('access locale files', () => {
  it('have the same keys in every language', () => {
    const english = flattenKeys(accessTexts('en')).sort();
    for (const locale of supportedLocales) {
      expect(flattenKeys(accessTexts(locale)).sort(), locale).toEqual(english);
    }
  });

  it('give every rule a reason text', () => {
    for (const locale of supportedLocales) {
      const translator = createTranslator(locale);
      for (const rule of ruleSet.rules) expect(translator.has(`access:reason.${rule.id}`), `${locale} ${rule.id}`).toBe(true);
      expect(translator.has(`access:reason.${noPermitReason}`)).toBe(true);
    }
  });

  it('cover every code in the source', () => {
    const codes = codesInSource();
    expect(codes.length).toBeGreaterThan(20);
    for (const locale of supportedLocales) {
      const translator = createTranslator(locale);
      for (const code of codes) expect(translator.has(`access:${code}`), `${locale} ${code}`).toBe(true);
    }
  });

  it('differ from English in nl, fr and de', () => {
    const english = accessTexts('en')['reason'] as Record<string, string>;
    for (const locale of ['nl', 'fr', 'de']) {
      const texts = accessTexts(locale)['reason'] as Record<string, string>;
      for (const [key, text] of Object.entries(texts)) expect(text, `${locale} ${key}`).not.toBe(english[key]);
    }
  });
});

describe('rendered reasons', () => {
  it('fill every placeholder', async () => {
    const requests = [allowedRequest()];
    const expired = allowedRequest();
    expired.dossier.relationships = [{ professional: expired.professional.id, status: 'registered', registeredOn: '2023-01-01' }];
    expired.professional.organisation = { id: 'org-x', partnershipEndLetterReceivedOn: '2025-01-10' };
    expired.presence = { method: 'accessCode', dossier: expired.dossier.pseudonym, provedAt: '2025-06-01T10:00:00+02:00' };
    requests.push(expired);
    const ending = allowedRequest();
    ending.professional.organisation = { id: 'org-x', partnershipEndLetterReceivedOn: '2025-06-01' };
    ending.dossier.state = 'superseded';
    requests.push(ending);

    const seen = new Set<string>();
    for (const request of requests) {
      const { decision } = await decideWithEvents(request, ruleSet);
      for (const locale of supportedLocales) {
        const translator = createTranslator(locale);
        for (const reason of decision.reasons) {
          seen.add(reason.code);
          const text = accessReasonText(reason, translator);
          expect(text, `${locale} ${reason.code}`).not.toMatch(/\{\{|\}\}/);
          expect(text).not.toBe('');
        }
        expect(renderAccessDecisionText(decision, translator)).not.toMatch(/\{\{|(?<![\w-])access:/);
      }
    }
    expect([...seen].sort()).toEqual([
      'care-relationship-access',
      'dossier-superseded',
      'partnership-ended',
      'partnership-ending',
      'presence-expired',
      'relationship-expired',
    ]);
  });
});
