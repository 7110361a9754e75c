import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTranslator, supportedLocales } from '../../src/i18n/index.js';
import { renderScreeningJson } from '../../src/render/screening-json.js';
import { renderScreeningText } from '../../src/render/screening-text.js';
import { loadCatalog, loadShippedCatalog, type ScreeningRuleSet } from '../../src/ruleset/index.js';
import { deriveCategories, evaluateScreening, readAnswersFile, type AnswerSet } from '../../src/screening/index.js';
import {
  loadShippedVisibilityRules,
  recordSuspicion,
  shippedVisibilityRulesFile,
  viewResult,
  visibleCategories,
  loadVisibilityRules,
} from '../../src/visibility/index.js';
import { answerSetArbitrary } from '../support/arbitraries.js';
import { runBin, runCli } from '../support/cli.js';
import { screeningCases } from '../support/fixtures.js';
import { copyShippedRuleSet, rulesV2 } from '../support/ruleset-copy.js';

const catalog = await loadShippedCatalog();
const visibility = await loadShippedVisibilityRules();
const ruleSets = [...catalog.screenings.values()];

/** Everything of a rule set that is health data: item, indicator and care path ids, follow-up ids. */
function healthIds(ruleSet: ScreeningRuleSet) {
  const categories = deriveCategories(ruleSet);
  const healthCarePaths = ruleSet.carePaths.filter((carePath) => categories.carePaths.get(carePath.id) === 'health');
  return {
    items: ruleSet.questionnaire.items.filter((item) => item.category === 'health').map((item) => item.id),
    indicators: ruleSet.indicators.filter((indicator) => categories.indicators.get(indicator.id) === 'health').map((indicator) => indicator.id),
    carePaths: healthCarePaths.map((carePath) => carePath.id),
    followUps: healthCarePaths.flatMap((carePath) => carePath.followUps.map((followUp) => followUp.id)),
  };
}

async function roleBOutputs(ruleSet: ScreeningRuleSet, answerSet: AnswerSet): Promise<string[]> {
  const result = await evaluateScreening(ruleSet, answerSet);
  const view = await viewResult(result, { role: 'B' }, { ruleSet, visibility });
  const outputs = [renderScreeningJson(view)];
  for (const locale of supportedLocales) {
    outputs.push(renderScreeningText(view, createTranslator(locale), { priorities: ruleSet.priorities }));
  }
  return outputs;
}

describe('derived categories', () => {
  it('care paths reading health indicators are health data', () => {
    const ruleSet = catalog.screenings.get('bib-screening@2.0.0')!;
    const ids = healthIds(ruleSet);
    expect(ids.carePaths.sort()).toEqual(['care_coordination', 'perinatal_mental_health', 'substance_use_support', 'violence_safety']);
    expect(ids.indicators).toContain('psychological_history');
    expect(ids.indicators).not.toContain('housing_situation');
  });
});

describe.each(ruleSets.map((ruleSet) => ({ version: ruleSet.version, ruleSet })))('role B non-interference, version $version', ({ ruleSet }) => {
  const health = healthIds(ruleSet);

  it('health answers never change the role-B view', async () => {
    const pairs = answerSetArbitrary(ruleSet).chain((first) =>
      answerSetArbitrary(ruleSet).map((other): [AnswerSet, AnswerSet] => {
        // The second set keeps every non-health answer of the first and takes its health answers from another set.
        const answers = { ...first.answers };
        for (const item of health.items) {
          delete answers[item];
          if (other.answers[item] !== undefined) answers[item] = other.answers[item];
        }
        const followUps = { ...first.followUps };
        for (const question of health.followUps) {
          delete followUps[question];
          if (other.followUps[question] !== undefined) followUps[question] = other.followUps[question];
        }
        return [first, { ...first, answers, followUps }];
      }),
    );

    await fc.assert(
      fc.asyncProperty(pairs, async ([first, second]) => {
        const firstOutputs = await roleBOutputs(ruleSet, first);
        const secondOutputs = await roleBOutputs(ruleSet, second);
        expect(secondOutputs).toEqual(firstOutputs);
      }),
      { numRuns: 120 },
    );
  });
});

describe('role-B views of the public cases', () => {
  it.each(screeningCases())('$name shows no health id or name', async ({ file }) => {
    const { answerSet, ruleSet } = await readAnswersFile(file, catalog);
    const [json, ...texts] = await roleBOutputs(ruleSet, answerSet);
    const health = healthIds(ruleSet);

    for (const id of [...health.items, ...health.indicators, ...health.carePaths, ...health.followUps]) {
      expect(json).not.toContain(`"${id}"`);
    }
    supportedLocales.forEach((locale, index) => {
      const translator = createTranslator(locale);
      for (const indicator of health.indicators) expect(texts[index]).not.toContain(translator.t(`screening:indicators.${indicator}.name`));
      for (const carePath of health.carePaths) expect(texts[index]).not.toContain(translator.t(`screening:carePaths.${carePath}.name`));
      for (const item of health.items) expect(texts[index]).not.toContain(translator.t(`questionnaire:items.${item}.question`));
    });
  });

  it('role A still sees the health care paths', async () => {
    const { answerSet, ruleSet } = await readAnswersFile(join('test', 'fixtures', 'screening', 'violence-not-safe.yaml'), catalog);
    const result = await evaluateScreening(ruleSet, answerSet);
    const view = await viewResult(result, { role: 'A' }, { ruleSet, visibility });
    expect(view.carePaths.map((carePath) => carePath.id)).toEqual(['violence_safety']);
    expect(view.answers['violence']).toBe('yes');
  });
});

describe('roles on the command line', () => {
  const file = join('test', 'fixtures', 'screening', 'random-001.yaml');

  it('role none is refused with exit 2', () => {
    const run = runBin(['--locale', 'en', 'screen', file, '--role', 'none']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('role none has no access');
  });

  it('unknown role is refused with the known roles', async () => {
    const run = await runCli(['--locale', 'en', 'screen', file, '--role', 'C']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('A, B, none');
  });

  it('role B json has no health care path', async () => {
    const run = await runCli(['screen', file, '--role', 'B', '--format', 'json']);
    expect(run.status).toBe(0);
    const view = JSON.parse(run.stdout) as { carePaths: { id: string }[]; viewer: { role: string; categories: string[] } };
    expect(view.viewer).toEqual({ role: 'B', categories: ['identification', 'socio-economic'] });
    expect(view.carePaths.map((carePath) => carePath.id)).toEqual(['interpreting', 'financial_support', 'housing_support']);
  });
});

describe('care-coordinator exception', () => {
  const enabledFile = () => {
    const folder = mkdtempSync(join(tmpdir(), 'bib-visibility-'));
    const path = join(folder, 'visibility.yaml');
    writeFileSync(path, readFileSync(shippedVisibilityRulesFile(), 'utf8').replace('enabled: false', 'enabled: true'));
    return path;
  };

  it('is off by default', async () => {
    const categories = await visibleCategories(visibility, { role: 'B', careCoordinator: true, explicitPermission: true });
    expect(categories.has('health')).toBe(false);
  });

  it('when enabled needs both coordinator and permission', async () => {
    const rules = await loadVisibilityRules(enabledFile());
    expect((await visibleCategories(rules, { role: 'B', careCoordinator: true, explicitPermission: true })).has('health')).toBe(true);
    expect((await visibleCategories(rules, { role: 'B', careCoordinator: true })).has('health')).toBe(false);
    expect((await visibleCategories(rules, { role: 'B', explicitPermission: true })).has('health')).toBe(false);
    expect((await visibleCategories(rules, { role: 'none', careCoordinator: true, explicitPermission: true })).size).toBe(0);
  });
});

describe('suspicion notes', () => {
  const ruleSet = catalog.screenings.get('bib-screening@2.0.0')!;
  const note = { indicator: 'depression', text: 'Seemed very low during the visit.', author: 'social-worker-7', recordedAt: '2026-12-04T10:30:00+01:00' };

  it('role B may note a health indicator, not a visible one', async () => {
    const categoriesB = await visibleCategories(visibility, { role: 'B' });
    expect(recordSuspicion(note, ruleSet, categoriesB)).toEqual(note);
    expect(() => recordSuspicion({ ...note, indicator: 'housing_situation' }, ruleSet, categoriesB)).toThrow();
    expect(() => recordSuspicion({ ...note, indicator: 'no_such_indicator' }, ruleSet, categoriesB)).toThrow();
    expect(() => recordSuspicion({ ...note, recordedAt: 'yesterday' }, ruleSet, categoriesB)).toThrow();
  });

  it('role A sees every note, role B only its own', async () => {
    const { answerSet } = await readAnswersFile(join('test', 'fixtures', 'screening', 'all-neutral.yaml'), catalog);
    const result = await evaluateScreening(ruleSet, answerSet);
    const other = { ...note, author: 'social-worker-9' };
    const suspicions = [note, other];

    const forA = await viewResult(result, { role: 'A', id: 'doctor-1' }, { ruleSet, visibility, suspicions });
    const forAuthor = await viewResult(result, { role: 'B', id: 'social-worker-7' }, { ruleSet, visibility, suspicions });
    const forStranger = await viewResult(result, { role: 'B', id: 'social-worker-8' }, { ruleSet, visibility, suspicions });

    expect(forA.suspicions).toHaveLength(2);
    expect(forAuthor.suspicions).toEqual([note]);
    expect(forStranger.suspicions).toEqual([]);
    expect(forAuthor.indicators.map((indicator) => indicator.id)).not.toContain('depression');
  });
});

describe('category labels', () => {
  it('a label below the derived category is an error', async () => {
    const folder = copyShippedRuleSet({
      [rulesV2]: (text) => text.replace('  - id: care_coordination\n', '  - id: care_coordination\n    category: socio-economic\n'),
    });
    const { catalog: broken, findings } = await loadCatalog([folder]);
    expect(broken).toBeUndefined();
    const finding = findings.find((entry) => entry.code === 'rules.labelBelowDerived');
    expect(finding?.params).toMatchObject({ id: 'care_coordination', label: 'socio-economic', derived: 'health' });
    expect(finding?.line).toBe(266);
  });

  it('a higher label raises the category', async () => {
    const folder = copyShippedRuleSet({
      [rulesV2]: (text) => text.replace('  - id: interpreting\n', '  - id: interpreting\n    category: health\n'),
    });
    const { catalog: labelled } = await loadCatalog([folder]);
    const ruleSet = labelled!.screenings.get('bib-screening@2.0.0')!;
    expect(deriveCategories(ruleSet).carePaths.get('interpreting')).toBe('health');
  });
});

describe('html page for role B', () => {
  it('holds socio-economic answers and no health text', async () => {
    const file = join('test', 'fixtures', 'screening', 'random-001.yaml');
    const run = await runCli(['--locale', 'fr', 'screen', file, '--role', 'B', '--format', 'html', '--date', '2026-12-04']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^<!DOCTYPE html>/i);

    const translator = createTranslator('fr');
    const ruleSet = catalog.screenings.get('bib-screening@2.0.0')!;
    const health = healthIds(ruleSet);
    for (const item of health.items) expect(run.stdout).not.toContain(escapeOnce(translator.t(`questionnaire:items.${item}.question`)));
    expect(run.stdout).toContain(escapeOnce(translator.t('questionnaire:items.housing_type.question')));
    expect(run.stdout).not.toContain('&amp;#');
  });
});

function escapeOnce(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

describe('suspicion notes on the command line', () => {
  const answers = join('examples', 'answers', 'housing-and-mental-health.yaml');
  const notes = join('examples', 'suspicions', 'notes.yaml');
  const authors = async (args: string[]) => {
    const run = await runCli(['screen', answers, '--format', 'json', '--suspicions', notes, ...args]);
    expect(run.status).toBe(0);
    return (JSON.parse(run.stdout) as { suspicions: { author: string }[] }).suspicions.map((note) => note.author);
  };

  it('role A reads every note', async () => {
    expect(await authors(['--role', 'A'])).toEqual(['sw-0007', 'sw-0012']);
  });

  it('role B reads only its own notes', async () => {
    expect(await authors(['--role', 'B', '--viewer', 'sw-0007'])).toEqual(['sw-0007']);
    expect(await authors(['--role', 'B'])).toEqual([]);
  });

  it('a note on an unknown indicator is rejected with its line', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'bib-notes-'));
    const file = join(folder, 'notes.yaml');
    writeFileSync(file, 'kind: SuspicionNotes\nversion: "1"\nnotes:\n  - indicator: sadness\n    text: x\n    author: a\n    recordedAt: "2026-12-04T10:30:00+01:00"\n');
    const run = await runCli(['--locale', 'en', 'screen', answers, '--suspicions', file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${file}:4:16`);
    expect(run.stderr).toContain('"sadness" is not an indicator');
  });
});

describe('follow-up answers outside a triggered care path', () => {
  const answers = { questionnaire: 'bib-screening@2.0.0', answers: { feeling_down: 'no', loss_of_interest: 'no' }, followUps: { self_harm_thoughts: 'yes' } };

  it('are reported, not dropped', async () => {
    const { screen } = await import('../../src/screening/index.js');
    const result = await screen(answers);
    expect(result.carePaths).toEqual([]);
    expect(result.ignoredFollowUps).toEqual([{ id: 'self_harm_thoughts', answer: 'yes', carePath: 'perinatal_mental_health', category: 'health' }]);
    const text = renderScreeningText(result, createTranslator('en'), { priorities: ['low', 'normal', 'high', 'urgent'] });
    expect(text).toContain('Follow-up answer not used');
    expect(text).toContain(createTranslator('en').t('questionnaire:followUps.self_harm_thoughts.question'));
  });

  it('of health care paths stay hidden from role B', async () => {
    const { screen } = await import('../../src/screening/index.js');
    const ruleSet = catalog.screenings.get('bib-screening@2.0.0')!;
    const view = await viewResult(await screen(answers), { role: 'B' }, { ruleSet, visibility });
    expect(view.ignoredFollowUps).toEqual([]);
  });
});

describe('views of stored results', () => {
  it('take categories from the rule set, not the result', async () => {
    const { screen } = await import('../../src/screening/index.js');
    const ruleSet = catalog.screenings.get('bib-screening@2.0.0')!;
    const result = await screen({ questionnaire: 'bib-screening@2.0.0', answers: { feeling_down: 'yes' } });
    const edited = { ...result, indicators: result.indicators.map((indicator) => ({ ...indicator, category: 'socio-economic' })) };
    const view = await viewResult(edited, { role: 'B' }, { ruleSet, visibility });
    expect(view.indicators.map((indicator) => indicator.id)).not.toContain('depression');
  });

  it('reject another rule set than the result names', async () => {
    const { screen } = await import('../../src/screening/index.js');
    const result = await screen({ questionnaire: 'bib-screening@2.0.0', answers: {} });
    const other = catalog.screenings.get('bib-screening@1.0.0')!;
    await expect(viewResult(result, { role: 'A' }, { ruleSet: other, visibility })).rejects.toThrow();
  });
});

describe('care-coordinator exception on the command line', () => {
  it('needs the switch, the coordinator flag and her permission', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'bib-visibility-cli-'));
    const enabled = join(folder, 'visibility.yaml');
    writeFileSync(enabled, readFileSync(shippedVisibilityRulesFile(), 'utf8').replace('enabled: false', 'enabled: true'));
    const file = join('test', 'fixtures', 'screening', 'violence-not-safe.yaml');
    const carePaths = async (args: string[]) => {
      const run = await runCli(['screen', file, '--format', 'json', '--role', 'B', ...args]);
      expect(run.status).toBe(0);
      return (JSON.parse(run.stdout) as { carePaths: { id: string }[] }).carePaths.map((carePath) => carePath.id);
    };

    expect(await carePaths(['--visibility', enabled, '--care-coordinator', '--permission'])).toEqual(['violence_safety']);
    expect(await carePaths(['--visibility', enabled, '--care-coordinator'])).toEqual([]);
    expect(await carePaths(['--care-coordinator', '--permission'])).toEqual([]);
  });

  it('a limited text view says so', async () => {
    const run = await runCli(['--locale', 'en', 'screen', join('test', 'fixtures', 'screening', 'violence-not-safe.yaml'), '--role', 'B']);
    expect(run.stdout).toContain('Shown for role B');
    const full = await runCli(['--locale', 'en', 'screen', join('test', 'fixtures', 'screening', 'violence-not-safe.yaml')]);
    expect(full.stdout).not.toContain('Shown for role');
  });

  it('the html page for her carries no suspicion notes', async () => {
    const run = await runCli(['screen', join('examples', 'answers', 'housing-and-mental-health.yaml'), '--format', 'html', '--date', '2026-12-04', '--suspicions', join('examples', 'suspicions', 'notes.yaml')]);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('seemed afraid');
  });
});
