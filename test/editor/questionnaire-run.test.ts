import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { chooseRuleSet } from '../../src/editor/index.js';
import { createTranslator } from '../../src/i18n/index.js';
import { loadShippedCatalog, type ScreeningRuleSet } from '../../src/ruleset/index.js';
import { bibBin, TerminalSession } from './terminal-session.js';

const backChoice = '<back>';
const fr = createTranslator('fr');

let ruleSet: ScreeningRuleSet;
let workFolder: string;
const sessions: TerminalSession[] = [];

beforeAll(async () => {
  ruleSet = chooseRuleSet(await loadShippedCatalog());
});

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.stop()));
  if (workFolder) await rm(workFolder, { recursive: true, force: true });
});

async function startRun(args: string): Promise<TerminalSession> {
  workFolder = await mkdtemp(join(tmpdir(), 'bib-run-'));
  const session = await TerminalSession.start(`'${process.execPath}' '${bibBin}' ${args}`, workFolder);
  sessions.push(session);
  return session;
}

/** Lists the selectable choices of a prompt in the order the arrow keys move through them. */
function choices(question: { item?: string; followUp?: string }, canGoBack: boolean): string[] {
  const options = question.item ? ruleSet.questionnaire.items.find((item) => item.id === question.item)!.options : ['yes', 'no'];
  return [...options, 'declined', ...(canGoBack ? [backChoice] : [])];
}

/** Escapes text for use inside a regular expression. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('bib questionnaire run in a terminal', () => {
  it('walks through a whole questionnaire in French', async () => {
    const session = await startRun('--locale fr questionnaire run --save answers.yaml');

    // Each step: the question on screen, the choice to make. The cursor starts on the
    // earlier answer when she comes back to a question, otherwise on the first choice.
    const steps: { item?: string; followUp?: string; position: number; total: number; choose: string }[] = [
      { item: 'language_barrier', position: 1, total: 24, choose: 'with_difficulty' },
      { item: 'reading_difficulty', position: 2, total: 24, choose: 'declined' },
      { item: 'birth_country', position: 3, total: 24, choose: backChoice },
      { item: 'reading_difficulty', position: 2, total: 24, choose: 'with_help' },
      { item: 'birth_country', position: 3, total: 24, choose: 'outside_eu' },
      { item: 'residence_permit', position: 4, total: 24, choose: 'permanent_permit' },
      { item: 'health_insurance', position: 5, total: 24, choose: 'in_order' },
      { item: 'education_level', position: 6, total: 24, choose: 'upper_secondary' },
      { item: 'own_occupation', position: 7, total: 24, choose: 'employed' },
      { item: 'has_partner', position: 8, total: 24, choose: 'no' },
      { item: 'support_persons', position: 9, total: 23, choose: 'several' },
      { item: 'makes_ends_meet', position: 10, total: 23, choose: 'with_some_difficulty' },
      { item: 'postponed_care', position: 11, total: 23, choose: 'declined' },
      { item: 'housing_type', position: 12, total: 23, choose: 'own_or_rented' },
      { item: 'housing_problems', position: 13, total: 23, choose: 'no' },
      { item: 'feeling_down', position: 14, total: 23, choose: 'yes' },
      { item: 'loss_of_interest', position: 15, total: 23, choose: 'no' },
      { item: 'nervous', position: 16, total: 23, choose: 'several_days' },
      { item: 'uncontrolled_worry', position: 17, total: 23, choose: 'several_days' },
      { item: 'tobacco', position: 18, total: 23, choose: 'no' },
      { item: 'alcohol', position: 19, total: 23, choose: 'no' },
      { item: 'drugs', position: 20, total: 23, choose: 'no' },
      { item: 'violence', position: 21, total: 23, choose: 'no' },
      { item: 'psychiatric_history', position: 22, total: 23, choose: 'no' },
      { item: 'psychotropic_medication', position: 23, total: 23, choose: 'no' },
      { followUp: 'self_harm_thoughts', position: 1, total: 1, choose: 'no' },
    ];

    const given: Record<string, string> = {};
    for (const [index, step] of steps.entries()) {
      const question = step.item ? fr.t(`questionnaire:items.${step.item}.question`) : fr.t(`questionnaire:followUps.${step.followUp}.question`);
      const progress = step.item ? `Question ${step.position} sur ${step.total}` : `Question complémentaire ${step.position} sur ${step.total}`;
      await session.waitFor(new RegExp(`^\\? ${literal(progress)} .*${literal(question)}`, 'm'));

      const list = choices(step, index > 0);
      const key = step.item ?? step.followUp!;
      const start = given[key] ? list.indexOf(given[key]) : 0;
      const target = list.indexOf(step.choose);
      const moves = target >= start ? Array(target - start).fill('Down') : Array(start - target).fill('Up');
      await session.send(...moves, 'Enter');
      if (step.choose !== backChoice) given[key] = step.choose;
    }

    expect(await session.exitStatus()).toBe(0);
    const terminal = await session.capture(true);
    expect(terminal).toContain('Réponses enregistrées dans answers.yaml.');

    // The saved file: her final answers, without the item she was not asked.
    const saved = parse(await readFile(join(workFolder, 'answers.yaml'), 'utf8')) as { questionnaire: string; answers: Record<string, string>; followUps: Record<string, string> };
    expect(saved.questionnaire).toBe('bib-screening@2.0.0');
    expect(saved.answers['reading_difficulty']).toBe('with_help');
    expect(saved.answers['postponed_care']).toBe('declined');
    expect(saved.answers).not.toHaveProperty('partner_occupation');
    expect(Object.keys(saved.answers)).toHaveLength(23);
    expect(saved.followUps).toEqual({ self_harm_thoughts: 'no' });

    // The saved file screens to the result the walk-through printed.
    const output = { stdout: '', stderr: '' };
    const io = { stdout: { write: (text: string) => (output.stdout += text) }, stderr: { write: (text: string) => (output.stderr += text) }, stdinIsTTY: false, env: {}, cwd: workFolder };
    expect(await main(['--locale', 'fr', 'screen', 'answers.yaml'], io)).toBe(0);

    const printed = terminal.split('\n').map((line) => line.trimEnd());
    const expected = output.stdout.trimEnd().split('\n').map((line) => line.trimEnd());
    const start = printed.indexOf(expected[0]!);
    expect(start).toBeGreaterThan(0);
    expect(printed.slice(start, start + expected.length)).toEqual(expected);
    expect(output.stdout).toContain('Santé mentale périnatale');
    expect(output.stdout).toContain('Coordination des soins');

    const json = { stdout: '', stderr: '' };
    const jsonIo = { ...io, stdout: { write: (text: string) => (json.stdout += text) } };
    await main(['screen', 'answers.yaml', '--format', 'json'], jsonIo);
    const result = JSON.parse(json.stdout) as { indicators: { id: string; status: string }[] };
    const status = Object.fromEntries(result.indicators.map((indicator) => [indicator.id, indicator.status]));
    expect(status).toMatchObject({ communication: 'positive', place_of_birth: 'positive', depression: 'positive', financial_situation: 'incomplete', partner_occupation: 'not_applicable' });
  });

  it('leaves no file after Ctrl-C', async () => {
    const session = await startRun('--locale fr questionnaire run --save answers.yaml');
    await session.waitFor(/^\? Question 1 sur 24/m);
    await session.send('Enter');
    await session.waitFor(/^\? Question 2 sur 24/m);
    await session.send('C-c');

    expect(await session.exitStatus()).toBe(130);
    expect(await session.capture()).toContain("Arrêté. Aucune réponse n'a été enregistrée.");
    expect(await readdir(workFolder)).toEqual([]);
  });
});
