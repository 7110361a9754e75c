import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';

// The namespaces whose wording these tests check.
const namespaces = ['access', 'editor', 'questionnaire', 'screening'];

/** Lists every text of one namespace file as [dotted key, text]. */
function textsOf(locale: string, namespace: string): [string, string][] {
  const data = JSON.parse(readFileSync(join(packageRoot, 'locales', locale, `${namespace}.json`), 'utf8')) as unknown;
  const texts: [string, string][] = [];
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') texts.push([key, value]);
    else if (value !== null && typeof value === 'object') for (const [segment, inner] of Object.entries(value)) walk(inner, key ? `${key}.${segment}` : segment);
  };
  walk(data, '');
  return texts;
}

/**
 * Finds the French high punctuation marks (: ; ? !) that lack the space before them. Variables
 * and straight-quoted code such as "mode: read-only" are left out, and so is a colon between
 * digits, as in 09:30.
 */
function unspacedMarks(text: string): string[] {
  const prose = text.replace(/\{\{[^}]*\}\}/g, 'X').replace(/"[^"]*"/g, 'X');
  return [...prose.matchAll(/(\S)([:;?!])(.?)/g)]
    .filter(([, before, mark, after]) => !(mark === ':' && /\d/.test(before!) && /\d/.test(after!)))
    .map(([match]) => match);
}

describe('French texts', () => {
  it('detect a missing space', () => {
    expect(unspacedMarks('Accès: refusé')).toEqual(['s: ']);
    expect(unspacedMarks('Motifs:')).toEqual(['s:']);
    expect(unspacedMarks('Vraiment? Oui; non!')).toEqual(['t? ', 'i; ', 'n!']);
    expect(unspacedMarks('Accès : refusé à 09:30. Ajoutez "mode: read-only" pour {{path}} ?')).toEqual([]);
  });

  it('put a space before : ; ? and !', () => {
    for (const namespace of namespaces) {
      for (const [key, text] of textsOf('fr', namespace)) expect(unspacedMarks(text), `fr/${namespace}.json ${key}`).toEqual([]);
    }
  });

  it('use a plain space before those marks', () => {
    // The French files write " :" with U+0020; a no-break space in a few texts would be inconsistent.
    for (const namespace of namespaces) {
      for (const [key, text] of textsOf('fr', namespace)) expect(text, `fr/${namespace}.json ${key}`).not.toMatch(/[\u00A0\u202F][:;?!]/);
    }
  });
});

describe('Dutch texts', () => {
  it('say gekend, never bekend', () => {
    for (const namespace of namespaces) {
      for (const [key, text] of textsOf('nl', namespace)) expect(text, `nl/${namespace}.json ${key}`).not.toMatch(/\b[Bb]ekende?\b/);
    }
  });
});
