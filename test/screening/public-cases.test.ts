import { describe, expect, it } from 'vitest';
import { loadShippedCatalog } from '../../src/ruleset/index.js';
import { evaluateScreening, readAnswersFile, type ScreeningResult } from '../../src/screening/index.js';
import { runBin } from '../support/cli.js';
import { screeningCases, type ExpectedOutcome } from '../support/fixtures.js';

/** The fields a public case fixes; any other field of the output is free. */
function outcomeOf(result: Pick<ScreeningResult, 'indicators' | 'carePaths'>): ExpectedOutcome {
  return {
    indicators: result.indicators.map(({ id, status, score, threshold }) => ({ id, status, score, threshold })),
    carePaths: result.carePaths.map((carePath) => ({
      id: carePath.id,
      priority: carePath.priority,
      actions: carePath.actions.map((action) => (typeof action === 'string' ? action : action.id)),
    })),
  };
}

const cases = screeningCases();

describe('public screening cases through the library', () => {
  it('finds the public cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(32);
  });

  it.each(cases)('$name', async ({ file, expected }) => {
    const catalog = await loadShippedCatalog();
    const { answerSet, ruleSet } = await readAnswersFile(file, catalog);
    const result = await evaluateScreening(ruleSet, answerSet);

    expect(outcomeOf(result).indicators).toEqual(expected.indicators);
    // Care paths are compared as a set: their order in the output is free.
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(outcomeOf(result).carePaths.sort(byId)).toEqual([...expected.carePaths].sort(byId));
  });
});

describe('public screening cases through the bib bin', () => {
  it.each(cases)('$name', ({ file, expected }) => {
    const run = runBin(['screen', file, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);

    const output = JSON.parse(run.stdout) as ScreeningResult;
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(outcomeOf(output).indicators).toEqual(expected.indicators);
    expect(outcomeOf(output).carePaths.sort(byId)).toEqual([...expected.carePaths].sort(byId));
    expect(output.questionnaire.id).toBe('bib-screening');
    expect(output.ruleSet.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
