import { formatPath, type Finding } from '../findings/index.js';
import { maskNationalNumbers } from '../access/national-number-guard.js';
import type { Translator } from '../i18n/index.js';

/**
 * Renders findings like a compiler: `file:line:column: error: message`, one per line,
 * with the YAML path when there is one. Only the first `limit` findings (100 by default) are
 * listed, then a line with the count of the others. Anything shaped like a national number in
 * a value is masked. A code without a namespace (`answers.unknownItem`)
 * is looked up in `findings`; a code with one (`access:unknownField`) as it is.
 */
export function renderFindingsText(findings: readonly Finding[], translator: Translator, options: { limit?: number } = {}): string {
  const limit = options.limit ?? 100;
  const lines: string[] = [];
  for (const finding of findings.slice(0, limit)) {
    const where = [finding.file, finding.line, finding.column].filter((part) => part !== undefined).join(':');
    const severity = translator.t(`findings:severity.${finding.severity}`);
    const key = finding.code.includes(':') ? finding.code : `findings:${finding.code}`;
    const message = translator.t(key, { ...displayParams(finding.params), path: formatPath(finding.path) });
    lines.push(where ? translator.t('findings:line', { where, severity, message }) : `${severity}: ${message}`);
  }
  if (findings.length > limit) lines.push(translator.t('findings:more', { count: findings.length - limit }));
  return lines.join('\n') + (lines.length > 0 ? '\n' : '');
}

/** Lists are shown as comma-separated values, the way people read allowed options. */
function displayParams(params: Finding['params']): Record<string, string | number | boolean> {
  const shown: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(params)) {
    const joined = Array.isArray(value) ? value.join(', ') : (value as string | number | boolean);
    // A national number typed where it does not belong is never echoed in full.
    shown[name] = typeof joined === 'string' ? maskNationalNumbers(joined) : typeof joined === 'number' ? maskNumber(joined) : joined;
  }
  return shown;
}

function maskNumber(value: number): number | string {
  const masked = maskNationalNumbers(String(value));
  return masked === String(value) ? value : masked;
}
