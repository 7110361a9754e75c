import type { ScreeningResult } from '../screening/index.js';

/**
 * Renders a screening result (or a role's view of one) as one JSON object with a trailing
 * newline. Key order follows the result type, so the same input gives byte-identical output.
 */
export function renderScreeningJson(result: ScreeningResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
