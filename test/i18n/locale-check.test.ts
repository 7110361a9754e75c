import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Finding } from '../../src/findings/index.js';
import { checkLocales } from '../../src/i18n/check/index.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'locales');
const rulesDir = join(fixtures, 'rules');
const languages = ['nl', 'fr', 'de', 'en'] as const;

const temporaryFolders: string[] = [];
afterEach(async () => {
  await Promise.all(temporaryFolders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** Copies the complete fixture to a new temporary folder and returns its path. */
async function copyOfComplete(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'bib-locales-'));
  temporaryFolders.push(folder);
  await cp(join(fixtures, 'complete'), folder, { recursive: true });
  return folder;
}

type Texts = Record<string, unknown>;

async function editTexts(localesDir: string, language: string, namespace: string, edit: (texts: Texts) => void): Promise<void> {
  const file = join(localesDir, language, `${namespace}.json`);
  const texts = JSON.parse(await readFile(file, 'utf8')) as Texts;
  edit(texts);
  await writeFile(file, JSON.stringify(texts, null, 2) + '\n');
}

function errorsOf(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.severity === 'error');
}

function captureIo() {
  const output = { stdout: '', stderr: '' };
  return {
    output,
    io: {
      stdout: { write: (text: string) => (output.stdout += text) },
      stderr: { write: (text: string) => (output.stderr += text) },
      stdinIsTTY: false,
      env: {},
      cwd: process.cwd(),
    },
  };
}

/** Lists every dotted key of a nested texts object. */
function leafKeys(texts: Texts, prefix = ''): string[] {
  return Object.entries(texts).flatMap(([segment, value]) => {
    const key = prefix ? `${prefix}.${segment}` : segment;
    return value !== null && typeof value === 'object' ? leafKeys(value as Texts, key) : [key];
  });
}

function deleteKey(texts: Texts, key: string): void {
  const segments = key.split('.');
  let parent = texts;
  for (const segment of segments.slice(0, -1)) parent = parent[segment] as Texts;
  delete parent[segments.at(-1)!];
}

describe('checkLocales on the shipped texts', () => {
  it('finds no error in the shipped locales', async () => {
    const report = await checkLocales();
    expect(report.locales).toEqual([...languages]);
    expect(errorsOf(report.findings)).toEqual([]);
  });

  it('bib locales check exits 0 on the shipped locales', async () => {
    const { io, output } = captureIo();
    const status = await main(['--locale', 'en', 'locales', 'check'], io);
    expect(output.stdout).toContain('complete and consistent');
    expect(status).toBe(0);
  });
});

describe('checkLocales on fixtures', () => {
  it('passes the complete fixture', async () => {
    const report = await checkLocales({ localesDir: join(fixtures, 'complete'), contentPaths: [rulesDir] });
    expect(report.findings).toEqual([]);
  });

  it('names a key missing in one language', async () => {
    const dir = await copyOfComplete();
    await editTexts(dir, 'nl', 'demo', (texts) => delete texts['greeting']);

    const { findings } = await checkLocales({ localesDir: dir, contentPaths: [rulesDir] });
    expect(errorsOf(findings)).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'editor:locales.missingKey',
      file: join(dir, 'nl', 'demo.json'),
      params: { language: 'nl', textKey: 'demo:greeting', presentIn: ['fr', 'de', 'en'] },
    });
  });

  it('names a key that only the fallback language has', async () => {
    const dir = await copyOfComplete();
    await editTexts(dir, 'en', 'demo', (texts) => (texts['farewell'] = 'Goodbye for now.'));

    const { findings } = await checkLocales({ localesDir: dir, contentPaths: [rulesDir] });
    const missing = findings.filter((finding) => finding.code === 'editor:locales.missingKey');
    expect(missing.map((finding) => finding.params['language'])).toEqual(['nl', 'fr', 'de']);
    for (const finding of missing) expect(finding.params['textKey']).toBe('demo:farewell');

    const single = findings.filter((finding) => finding.code === 'editor:locales.singleLocaleKey');
    expect(single).toHaveLength(1);
    expect(single[0]).toMatchObject({ line: 7, params: { language: 'en', textKey: 'demo:farewell', missingIn: ['nl', 'fr', 'de'] } });
  });

  it('names the language whose variable differs', async () => {
    const dir = await copyOfComplete();
    await editTexts(dir, 'fr', 'demo', (texts) => (texts['welcome'] = 'Bienvenue, {{nom}}.'));

    const { findings } = await checkLocales({ localesDir: dir, contentPaths: [rulesDir] });
    expect(errorsOf(findings)).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'editor:locales.variableMismatch',
      params: { language: 'fr', textKey: 'demo:welcome', variables: ['nom'], expected: ['name'] },
    });
  });

  it('names a plural category the language requires', async () => {
    const dir = await copyOfComplete();
    await editTexts(dir, 'fr', 'demo', (texts) => delete texts['files_many']);

    const { findings } = await checkLocales({ localesDir: dir, contentPaths: [rulesDir] });
    expect(errorsOf(findings)).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'editor:locales.missingPluralForm',
      params: { language: 'fr', textKey: 'demo:files_many', category: 'many', required: ['one', 'many', 'other'] },
    });
  });

  it('names an empty text with its line', async () => {
    const dir = await copyOfComplete();
    await editTexts(dir, 'de', 'demo', (texts) => (texts['closing'] = '  '));

    const { findings } = await checkLocales({ localesDir: dir, contentPaths: [rulesDir] });
    expect(errorsOf(findings)).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'editor:locales.emptyText', line: 4, column: 14, params: { language: 'de', textKey: 'demo:closing' } });
  });

  it('names an item without text in every language', async () => {
    const dir = await copyOfComplete();
    for (const language of languages) {
      await editTexts(dir, language, 'questionnaire', (texts) => deleteKey(texts, 'items.housing_type.question'));
    }

    const { findings } = await checkLocales({ localesDir: dir, contentPaths: [rulesDir] });
    expect(errorsOf(findings)).toHaveLength(4);
    for (const [index, language] of languages.entries()) {
      expect(findings[index]).toMatchObject({
        code: 'editor:locales.itemWithoutText',
        file: join(dir, language, 'questionnaire.json'),
        params: { language, item: 'housing_type', textKey: 'questionnaire:items.housing_type.question' },
      });
      expect(findings[index]!.params['source']).toMatch(/mini-questionnaire\.yaml:12$/);
    }
  });

  it('names options, follow-ups and actions without text', async () => {
    const dir = await copyOfComplete();
    for (const language of languages) {
      await editTexts(dir, language, 'questionnaire', (texts) => {
        deleteKey(texts, 'items.feeling_down.options.yes');
        deleteKey(texts, 'followUps.safe_to_go_home.options.no');
      });
      await editTexts(dir, language, 'screening', (texts) => {
        deleteKey(texts, 'actions.safety_plan_today');
        deleteKey(texts, 'carePaths.support.description');
        deleteKey(texts, 'indicators.depression.positive');
      });
    }

    const { findings } = await checkLocales({ localesDir: dir, contentPaths: [rulesDir] });
    const codes = new Set(findings.filter((finding) => finding.params['language'] === 'nl').map((finding) => finding.code));
    expect([...codes].sort()).toEqual([
      'editor:locales.actionWithoutText',
      'editor:locales.carePathWithoutText',
      'editor:locales.followUpOptionWithoutText',
      'editor:locales.indicatorWithoutText',
      'editor:locales.optionWithoutText',
    ]);
    expect(errorsOf(findings)).toHaveLength(5 * languages.length);
  });

  it('reports a missing namespace file once', async () => {
    const dir = await copyOfComplete();
    await rm(join(dir, 'de', 'screening.json'));

    const { findings } = await checkLocales({ localesDir: dir, contentPaths: [rulesDir] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'editor:locales.missingNamespace', params: { language: 'de', namespace: 'screening' } });
  });

  it('rejects a duplicate key with its line', async () => {
    const dir = await copyOfComplete();
    await writeFile(join(dir, 'en', 'demo.json'), '{\n  "greeting": "Hello",\n  "greeting": "Hi",\n  "welcome": "Welcome, {{name}}.",\n  "closing": "Goodbye.",\n  "files_one": "{{count}} file",\n  "files_other": "{{count}} files"\n}\n');

    const { findings } = await checkLocales({ localesDir: dir, contentPaths: [rulesDir] });
    expect(findings.find((finding) => finding.code === 'yaml.duplicateKey')).toMatchObject({ line: 3, params: { key: 'greeting' } });
  });

  it('reports an unparsable file once, not as missing', async () => {
    const dir = await copyOfComplete();
    await writeFile(join(dir, 'en', 'demo.json'), '{\n');

    const { findings } = await checkLocales({ localesDir: dir, contentPaths: [rulesDir] });
    expect(findings).toEqual([
      { severity: 'error', code: 'editor:locales.invalidJson', file: join(dir, 'en', 'demo.json'), line: 2, column: 1, params: { file: join(dir, 'en', 'demo.json'), language: 'en' } },
    ]);
  });

  it('rejects a trailing comma that YAML accepts', async () => {
    const dir = await copyOfComplete();
    await writeFile(join(dir, 'fr', 'demo.json'), '{\n  "greeting": "Bonjour",\n  "welcome": "Bienvenue, {{name}}.",\n  "closing": "Au revoir.",\n  "files_one": "{{count}} fichier",\n  "files_many": "{{count}} de fichiers",\n  "files_other": "{{count}} fichiers",\n}\n');

    const { findings } = await checkLocales({ localesDir: dir, contentPaths: [rulesDir] });
    expect(findings).toEqual([expect.objectContaining({ code: 'editor:locales.invalidJson', line: 8, column: 1, params: expect.objectContaining({ language: 'fr' }) })]);
  });

  it('reports a list where the texts belong', async () => {
    const dir = await copyOfComplete();
    await writeFile(join(dir, 'de', 'demo.json'), '["Hallo"]\n');

    const { findings } = await checkLocales({ localesDir: dir, contentPaths: [rulesDir] });
    expect(findings).toEqual([expect.objectContaining({ code: 'editor:locales.notMapping', params: expect.objectContaining({ language: 'de' }) })]);
  });

  it('rejects a number where a text belongs', async () => {
    const dir = await copyOfComplete();
    await editTexts(dir, 'nl', 'demo', (texts) => (texts['closing'] = 0));

    const { findings } = await checkLocales({ localesDir: dir, contentPaths: [rulesDir] });
    expect(errorsOf(findings)).toEqual([expect.objectContaining({ code: 'editor:locales.notText', params: { language: 'nl', textKey: 'demo:closing', type: 'number' } })]);
  });

  it('warns about a plural form the language never uses', async () => {
    const dir = await copyOfComplete();
    await editTexts(dir, 'en', 'demo', (texts) => (texts['files_many'] = '{{count}} files'));

    const { findings } = await checkLocales({ localesDir: dir, contentPaths: [rulesDir] });
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'editor:locales.unusedPluralForm', params: expect.objectContaining({ language: 'en', textKey: 'demo:files_many' }) }),
    ]);
  });

  it('reports any removed text by language and key', async () => {
    const complete = join(fixtures, 'complete');
    const candidates: { language: string; namespace: string; key: string }[] = [];
    for (const language of languages) {
      for (const namespace of ['questionnaire', 'screening', 'demo']) {
        const texts = JSON.parse(await readFile(join(complete, language, `${namespace}.json`), 'utf8')) as Texts;
        for (const key of leafKeys(texts)) candidates.push({ language, namespace, key });
      }
    }

    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...candidates), async ({ language, namespace, key }) => {
        const dir = await copyOfComplete();
        await editTexts(dir, language, namespace, (texts) => deleteKey(texts, key));

        const { findings } = await checkLocales({ localesDir: dir, contentPaths: [rulesDir] });
        const named = errorsOf(findings).filter((finding) => finding.params['language'] === language && finding.params['textKey'] === `${namespace}:${key}`);
        expect(named).toHaveLength(1);
        await rm(dir, { recursive: true, force: true });
      }),
      { numRuns: 25 },
    );
  });
});

describe('bib locales check', () => {
  const faultyArgs = ['locales', 'check', '--locales-dir', join(fixtures, 'faulty'), '--rules', rulesDir];

  it('exits 0 on the complete fixture', async () => {
    const { io, output } = captureIo();
    const status = await main(['--locale', 'nl', 'locales', 'check', '--locales-dir', join(fixtures, 'complete'), '--rules', rulesDir], io);
    expect(output.stdout).toBe('De teksten in nl, fr, de en en zijn volledig en consistent.\n');
    expect(status).toBe(0);
  });

  it('exits 1 and names each fault in text', async () => {
    const { io, output } = captureIo();
    const status = await main(['--locale', 'en', ...faultyArgs], io);
    expect(status).toBe(1);

    const lines = output.stdout.trimEnd().split('\n');
    expect(lines).toContain('test/fixtures/locales/faulty/nl/demo.json: error: the key demo:greeting is missing in nl (present in fr, de, en). Add the translation.');
    expect(lines).toContain('test/fixtures/locales/faulty/en/demo.json:7:15: error: the key demo:farewell exists only in en (missing in nl, fr, de). Translate it or remove it.');
    expect(lines).toContain('test/fixtures/locales/faulty/fr/demo.json:3:14: error: the key demo:welcome in fr uses the variables (nom), but the other languages use (name). Use the same variable names in every language.');
    expect(lines).toContain('test/fixtures/locales/faulty/fr/demo.json: error: the plural form demo:files_many is missing in fr, which needs the forms one, many, other. Add the many form.');
    expect(lines).toContain('test/fixtures/locales/faulty/de/demo.json:4:14: error: the text demo:closing is empty in de. Write the translation.');
    expect(lines).toContain('test/fixtures/locales/faulty/nl/questionnaire.json: error: item housing_type (test/fixtures/locales/rules/mini-questionnaire.yaml:12) has no question in nl. Add questionnaire:items.housing_type.question.');
    expect(lines.at(-1)).toBe('12 problems in the texts of nl, fr, de, and en.');
    expect(output.stderr).toBe('');
  });

  it('writes the findings as JSON', async () => {
    const { io, output } = captureIo();
    const status = await main([...faultyArgs, '--format', 'json'], io);
    expect(status).toBe(1);
    expect(output.stdout.endsWith('}\n')).toBe(true);

    const report = JSON.parse(output.stdout) as { ok: boolean; errors: number; findings: Finding[] };
    expect(report.ok).toBe(false);
    expect(report.errors).toBe(12);
    const named = report.findings.map((finding) => `${finding.code} ${finding.params['language']} ${finding.params['textKey']}`);
    expect(named).toContain('editor:locales.missingKey nl demo:greeting');
    expect(named).toContain('editor:locales.singleLocaleKey en demo:farewell');
    expect(named).toContain('editor:locales.variableMismatch fr demo:welcome');
    expect(named).toContain('editor:locales.missingPluralForm fr demo:files_many');
    expect(named).toContain('editor:locales.emptyText de demo:closing');
    for (const language of languages) expect(named).toContain(`editor:locales.itemWithoutText ${language} questionnaire:items.housing_type.question`);
  });

  it('names invalid JSON with its position', async () => {
    const dir = await copyOfComplete();
    await writeFile(join(dir, 'en', 'demo.json'), '{\n');

    const { io, output } = captureIo();
    const status = await main(['--locale', 'en', 'locales', 'check', '--locales-dir', dir, '--rules', rulesDir], io);
    expect(status).toBe(1);
    const lines = output.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/demo\.json:2:1: error: invalid JSON here\. /);
    expect(lines[1]).toBe('1 problem in the texts of nl, fr, de, and en.');
  });

  it('exits 2 naming a missing locales folder', async () => {
    const { io, output } = captureIo();
    const status = await main(['--locale', 'en', 'locales', 'check', '--locales-dir', 'no/such/folder'], io);
    expect(status).toBe(2);
    expect(output.stderr).toContain(`folder ${join(process.cwd(), 'no/such/folder')} not found.`);
    expect(output.stderr).not.toMatch(/\bfile\b/);
    expect(output.stdout).toBe('');
  });

  it('exits 2 for a rules folder that does not exist', async () => {
    const { io } = captureIo();
    expect(await main(['locales', 'check', '--rules', 'no/such/rules'], io)).toBe(2);
  });

  it('exits 2 for an unknown format', async () => {
    const { io, output } = captureIo();
    expect(await main(['locales', 'check', '--format', 'xml'], io)).toBe(2);
    expect(output.stderr).toContain('xml');
  });
});
