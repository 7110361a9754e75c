import type { Finding } from '../../findings/index.js';
import { fromHundredths, toHundredths } from '../decimal.js';
import { errorAt, type ScreeningCheck } from './context.js';
import { reachableScores, scoreModelOfWritten } from './score-space.js';

/**
 * Rejects a threshold that no combination of answers can reach (the indicator could never be
 * positive) and one that every answer set reaches, even one without answers (0 points), so
 * the indicator could never be negative.
 */
export const thresholdReach: ScreeningCheck = {
  name: 'threshold-reach',
  run({ rules, rulesDocument: document, questionnaire }) {
    const findings: Finding[] = [];
    const model = scoreModelOfWritten(rules, questionnaire);

    rules.indicators.forEach((indicator, index) => {
      const threshold = toHundredths(indicator.threshold.value);
      const scores = reachableScores(model, indicator.id);
      // Unknown items, inexact values and oversized models are reported by other checks or not decidable.
      if (threshold === undefined || scores === undefined || scores.length === 0) return;

      const path = ['indicators', index, 'threshold', 'value'];
      const highest = scores[scores.length - 1]!;
      const lowest = scores[0]!;
      if (highest < threshold) {
        findings.push(
          errorAt(document, path, 'validate:checks.thresholdUnreachable', {
            indicator: indicator.id,
            threshold: fromHundredths(threshold),
            highest: fromHundredths(highest),
          }),
        );
      } else if (lowest >= threshold) {
        findings.push(
          errorAt(document, path, 'validate:checks.thresholdAlwaysReached', {
            indicator: indicator.id,
            threshold: fromHundredths(threshold),
            lowest: fromHundredths(lowest),
          }),
        );
      }
    });
    return findings;
  },
};
