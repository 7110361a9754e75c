import { toHundredths } from '../ruleset/index.js';
import type { ScreeningResult } from '../screening/index.js';
import type { Expectation, Mismatch } from './cases.js';

/**
 * Compares a screening result with what a case expects and lists every difference. Scores are
 * compared in exact hundredths; actions as sets, because their order is not part of the outcome.
 */
export function compareWithExpectation(expectation: Expectation, result: ScreeningResult): Mismatch[] {
  const mismatches: Mismatch[] = [];

  for (const [id, expected] of Object.entries(expectation.indicators ?? {})) {
    const actual = result.indicators.find((indicator) => indicator.id === id);
    if (expected.status !== undefined && expected.status !== actual?.status) {
      mismatches.push({ path: `indicators.${id}.status`, expected: expected.status, actual: actual?.status ?? null });
    }
    if (expected.score !== undefined && toHundredths(expected.score) !== (actual ? toHundredths(actual.score) : undefined)) {
      mismatches.push({ path: `indicators.${id}.score`, expected: expected.score, actual: actual?.score ?? null });
    }
  }

  const expectedCarePaths = expectation.carePaths;
  if (expectedCarePaths === undefined) return mismatches;

  const triggered = new Map(result.carePaths.map((carePath) => [carePath.id, carePath]));
  for (const [id, expected] of Object.entries(expectedCarePaths)) {
    const actual = triggered.get(id);
    if (!actual) {
      mismatches.push({ path: `carePaths.${id}.triggered`, expected: true, actual: false });
      continue;
    }
    if (expected.priority !== undefined && expected.priority !== actual.priority) {
      mismatches.push({ path: `carePaths.${id}.priority`, expected: expected.priority, actual: actual.priority });
    }
    if (expected.actions !== undefined) {
      const expectedActions = [...expected.actions].sort();
      const actualActions = actual.actions.map((action) => action.id).sort();
      if (expectedActions.join('\u0000') !== actualActions.join('\u0000')) {
        mismatches.push({ path: `carePaths.${id}.actions`, expected: expectedActions, actual: actualActions });
      }
    }
  }
  for (const id of triggered.keys()) {
    if (!(id in expectedCarePaths)) mismatches.push({ path: `carePaths.${id}.triggered`, expected: false, actual: true });
  }
  return mismatches;
}
