import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator, type Locale } from '../../src/i18n/index.js';
import { escapeHtml, renderHtml } from '../../src/render/html/index.js';
import { loadShippedCatalog, type RuleSetCatalog } from '../../src/ruleset/index.js';
import { evaluateScreening, readAnswersFile } from '../../src/screening/index.js';
import { loadShippedVisibilityRules, viewResult, type ScreeningView } from '../../src/visibility/index.js';

const run = promisify(execFile);
const screeningFixtures = join(import.meta.dirname, '..', 'fixtures', 'screening');
const date = { year: 2025, month: 3, day: 1 };

let catalog: RuleSetCatalog;
const folders: string[] = [];

beforeAll(async () => {
  catalog = await loadShippedCatalog();
});

afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function viewOf(fixture: string, role = 'A'): Promise<{ view: ScreeningView; itemOrder: string[]; priorities: readonly string[] }> {
  const { answerSet, ruleSet } = await readAnswersFile(join(screeningFixtures, `${fixture}.yaml`), catalog);
  const result = await evaluateScreening(ruleSet, answerSet);
  const view = await viewResult(result, { role }, { ruleSet, visibility: await loadShippedVisibilityRules() });
  return { view, itemOrder: ruleSet.questionnaire.items.map((item) => item.id), priorities: ruleSet.priorities };
}

/** Loads the page in headless Chromium and returns the DOM as Chromium serialises it. */
async function dumpDom(html: string): Promise<{ dom: string; folder: string; page: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'bib-html-'));
  folders.push(folder);
  const page = join(folder, 'report.html');
  await writeFile(page, html);
  const { stdout } = await run('chromium', [...chromiumFlags(folder), '--dump-dom', pathToFileURL(page).href], { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 });
  return { dom: stdout, folder, page };
}

function chromiumFlags(folder: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--user-data-dir=${join(folder, 'profile')}`,
  ];
}

/** Serialises text as Chromium does in a text node: only &, <, > and no-break spaces are escaped. */
function serialisedText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
}

const doubleEscapes = /&amp;(amp|lt|gt|quot|#39|#x27|nbsp);/;

describe('renderHtml in headless Chromium', () => {
  for (const [fixture, locale] of [['violence-not-safe', 'fr'], ['all-declined', 'nl'], ['random-003', 'de'], ['homeless-urgent', 'en']] as const) {
    it(`renders ${fixture} in ${locale} with every answer`, async () => {
      const translator = createTranslator(locale as Locale);
      const { view, itemOrder, priorities } = await viewOf(fixture);
      const { dom } = await dumpDom(renderHtml(view, translator, { date, priorities, itemOrder }));

      expect(dom).toContain(`<html lang="${locale}">`);
      expect(dom).toContain('bib-screening-rules 2.0.0');
      expect(dom).not.toMatch(doubleEscapes);

      const answerRows = dom.match(/<tr class="answer" data-item="[a-z_]+">/g) ?? [];
      expect(answerRows).toHaveLength(Object.keys(view.answers).length);
      for (const [item, option] of Object.entries(view.answers)) {
        const question = translator.t(`questionnaire:items.${item}.question`);
        const answer = option === 'declined' ? translator.t('questionnaire:declined') : translator.t(`questionnaire:items.${item}.options.${option}`);
        expect(dom).toContain(`<tr class="answer" data-item="${item}"><td>${serialisedText(question)}</td><td>${serialisedText(answer)}</td></tr>`);
      }
      for (const carePath of view.carePaths) expect(dom).toContain(`data-care-path="${carePath.id}"`);
      for (const indicator of view.indicators) expect(dom).toContain(`data-indicator="${indicator.id}"`);
    });
  }

  it('prints the date in her language', async () => {
    const { view, itemOrder, priorities } = await viewOf('all-neutral');
    const { dom } = await dumpDom(renderHtml(view, createTranslator('fr'), { date, priorities, itemOrder }));
    expect(dom).toContain('Date : 1 mars 2025');
    expect(dom).toContain('<title>Résultat du dépistage, 1 mars 2025</title>');
  });

  it('escapes a note once and runs no markup', async () => {
    const { view, itemOrder, priorities } = await viewOf('all-neutral');
    const text = `<script>document.title = "owned"</script> Tom & Jerry's <b>note</b>`;
    const withNote: ScreeningView = { ...view, suspicions: [{ indicator: 'depression', text, author: 'social worker "S."', recordedAt: '2025-03-01T10:00:00Z' }] };

    const html = renderHtml(withNote, createTranslator('en'), { date, priorities, itemOrder });
    expect(html).toContain(escapeHtml(text));
    expect(html).not.toContain('<script>');

    const { dom } = await dumpDom(html);
    expect(dom).toContain(serialisedText(`Depression: ${text} (social worker "S.", 2025-03-01T10:00:00Z)`));
    expect(dom).not.toContain('<script>');
    expect(dom).not.toContain('<b>note</b>');
    expect(dom).not.toContain('owned</title>');
    expect(dom).not.toMatch(doubleEscapes);
  });

  it('prints to a PDF', async () => {
    const { view, itemOrder, priorities } = await viewOf('mental-health-self-harm');
    const folder = await mkdtemp(join(tmpdir(), 'bib-pdf-'));
    folders.push(folder);
    const page = join(folder, 'report.html');
    await writeFile(page, renderHtml(view, createTranslator('nl'), { date, priorities, itemOrder }));

    const pdf = join(folder, 'report.pdf');
    await run('chromium', [...chromiumFlags(folder), '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, pathToFileURL(page).href], { timeout: 60_000 });
    const bytes = await readFile(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10_000);
  });
});

describe('renderHtml as a string', () => {
  it('shows only what role B may see', async () => {
    const { view, itemOrder, priorities } = await viewOf('violence-not-safe', 'B');
    const html = renderHtml(view, createTranslator('nl'), { date, priorities, itemOrder });
    expect(html).not.toContain('data-item="violence"');
    expect(html).not.toContain('data-care-path="violence_safety"');
    expect(html).toContain('data-item="housing_type"');
  });

  it('lists answers in questionnaire order', async () => {
    const { view, itemOrder, priorities } = await viewOf('random-007');
    const html = renderHtml(view, createTranslator('en'), { date, priorities, itemOrder });
    const shown = [...html.matchAll(/data-item="([a-z_]+)"/g)].map((match) => match[1]!);
    expect(shown).toEqual(itemOrder.filter((item) => item in view.answers));
  });

  it('rejects a date that does not exist', async () => {
    const { view, itemOrder, priorities } = await viewOf('all-neutral');
    expect(() => renderHtml(view, createTranslator('en'), { date: { year: 2025, month: 2, day: 30 }, priorities, itemOrder })).toThrowError(
      expect.objectContaining({ name: 'InputError', findings: [expect.objectContaining({ code: 'editor:html.invalidDate', params: { date: '2025-02-30' } })] }),
    );
  });
});
