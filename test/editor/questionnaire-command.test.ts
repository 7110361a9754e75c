import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { wrap } from '../../src/editor/index.js';
import { createTranslator } from '../../src/i18n/index.js';
import { loadShippedCatalog } from '../../src/ruleset/index.js';

function captureIo(options: { tty?: boolean; columns?: number } = {}) {
  const output = { stdout: '', stderr: '' };
  return {
    output,
    io: {
      stdout: { write: (text: string) => (output.stdout += text), isTTY: options.tty ?? false, ...(options.columns ? { columns: options.columns } : {}) },
      stderr: { write: (text: string) => (output.stderr += text) },
      stdinIsTTY: options.tty ?? false,
      env: {},
      cwd: process.cwd(),
    },
  };
}

async function questionnaire(version: string) {
  const catalog = await loadShippedCatalog();
  return catalog.questionnaires.get(`bib-screening@${version}`)!;
}

describe('bib questionnaire show', () => {
  it('lists every item and option in order', async () => {
    const { io, output } = captureIo();
    expect(await main(['questionnaire', 'show', '--locale', 'fr'], io)).toBe(0);

    const fr = createTranslator('fr');
    const text = output.stdout;
    let position = 0;
    for (const [index, item] of (await questionnaire('2.0.0')).items.entries()) {
      const line = `${String(index + 1).padStart(4)}. ${fr.t(`questionnaire:items.${item.id}.question`)} [${item.id}]`;
      const found = text.indexOf(line, position);
      expect(found, line).toBeGreaterThan(position);
      position = found;
      for (const option of item.options) {
        expect(text.indexOf(`- ${fr.t(`questionnaire:items.${item.id}.options.${option}`)} [${option}]`, position)).toBeGreaterThan(position);
      }
    }
  });

  it('states the enable condition in words', async () => {
    const { io, output } = captureIo();
    await main(['--locale', 'nl', 'questionnaire', 'show'], io);
    expect(output.stdout).toContain('      Overgeslagen als het antwoord op „Hebt u een partner?” luidt: Nee.\n');
  });

  it('lists the follow-up questions with their care path', async () => {
    const { io, output } = captureIo();
    await main(['--locale', 'en', 'questionnaire', 'show'], io);
    expect(output.stdout).toContain('Is it safe for you to go home today? [safe_to_go_home]\n      Care path: Safety from violence\n');
  });

  it('shows plain text, never HTML entities', async () => {
    const { io, output } = captureIo();
    await main(['--locale', 'fr', 'questionnaire', 'show'], io);
    expect(output.stdout).toContain("l'alcool");
    expect(output.stdout).not.toMatch(/&(#\d+|amp|lt|gt|quot|apos);/);
  });

  it('shows version 1.0.0 with 22 items', async () => {
    const { io, output } = captureIo();
    expect(await main(['--locale', 'en', 'questionnaire', 'show', '--version', '1.0.0'], io)).toBe(0);
    expect(output.stdout).toContain('bib-screening 1.0.0, 22 questions');
    expect(output.stdout).not.toContain('[psychiatric_history]');
  });

  it('exits 2 for an unknown version', async () => {
    const { io, output } = captureIo();
    expect(await main(['--locale', 'en', 'questionnaire', 'show', '--version', '3.0.0'], io)).toBe(2);
    expect(output.stderr).toContain('questionnaire version "3.0.0" not found. Known versions: bib-screening@2.0.0, bib-screening@1.0.0.');
  });

  it('compares two languages side by side', async () => {
    const { io, output } = captureIo({ columns: 100 });
    expect(await main(['questionnaire', 'show', '--compare', 'nl,fr'], io)).toBe(0);

    const lines = output.stdout.split('\n');
    expect(lines.every((line) => [...line].length <= 100)).toBe(true);
    // Margin: the widest label, "24. psychotropic_medication", plus 2. Columns: (100 - 29 - 3) / 2.
    expect(lines).toContain(`${'  yes'.padEnd(29)}${'Ja'.padEnd(34)} │ Oui`);
    const separators = new Set(lines.filter((line) => line.includes('│')).map((line) => [...line].indexOf('│')));
    expect([...separators]).toEqual([64]);
  });

  it('keeps long texts whole across wrapped lines', () => {
    const text = 'Avez-vous consommé des drogues ou des produits non prescrits par un médecin depuis que vous savez que vous êtes enceinte ?';
    const lines = wrap(text, 30);
    expect(lines.every((line) => [...line].length <= 30)).toBe(true);
    expect(lines.join(' ')).toBe(text);
  });

  it('exits 2 for a bad --compare value', async () => {
    for (const value of ['nl', 'nl,nl', 'nl,xx', 'nl,fr,de']) {
      const { io, output } = captureIo();
      expect(await main(['--locale', 'en', 'questionnaire', 'show', '--compare', value], io), value).toBe(2);
      expect(output.stderr).toContain(`got "${value}"`);
    }
  });
});

describe('bib questionnaire run without a terminal', () => {
  it('exits 2 and points to bib screen', async () => {
    const { io, output } = captureIo();
    expect(await main(['--locale', 'fr', 'questionnaire', 'run'], io)).toBe(2);
    expect(output.stderr).toContain('bib screen <fichier-de-réponses>');
    expect(output.stdout).toBe('');
  });

  it('exits 2 before asking when the save folder is missing', async () => {
    const { io, output } = captureIo({ tty: true });
    expect(await main(['--locale', 'en', 'questionnaire', 'run', '--save', 'no/such/folder/answers.yaml'], io)).toBe(2);
    expect(output.stderr).toContain('the folder no/such/folder does not exist');
    expect(output.stdout).toBe('');
  });
});
