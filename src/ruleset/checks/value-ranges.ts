import type { Finding } from '../../findings/index.js';
import { fromHundredths, toHundredths } from '../decimal.js';
import { errorAt, type ScreeningCheck } from './context.js';

/**
 * Rejects points and thresholds with more than two decimal places, and values outside the
 * `pointsRange` and `thresholdRange` the file declares.
 */
export const valueRanges: ScreeningCheck = {
  name: 'value-ranges',
  run({ rules, rulesDocument: document }) {
    const findings: Finding[] = [];
    const check = (value: number, range: { min: number; max: number }, path: (string | number)[], kind: 'points' | 'threshold') => {
      const hundredths = toHundredths(value);
      if (hundredths === undefined) {
        findings.push(errorAt(document, path, 'rules.tooManyDecimals', { value: String(value) }));
        return;
      }
      const min = toHundredths(range.min) ?? Number.NEGATIVE_INFINITY;
      const max = toHundredths(range.max) ?? Number.POSITIVE_INFINITY;
      if (hundredths < min || hundredths > max) {
        findings.push(errorAt(document, path, 'rules.outOfRange', { kind, value: fromHundredths(hundredths), min: range.min, max: range.max }));
      }
    };

    rules.indicators.forEach((indicator, indicatorIndex) => {
      check(indicator.threshold.value, rules.thresholdRange, ['indicators', indicatorIndex, 'threshold', 'value'], 'threshold');
      indicator.items.forEach((scoring, scoringIndex) => {
        for (const [option, points] of Object.entries(scoring.points)) {
          check(points, rules.pointsRange, ['indicators', indicatorIndex, 'items', scoringIndex, 'points', option], 'points');
        }
      });
    });
    return findings;
  },
};
