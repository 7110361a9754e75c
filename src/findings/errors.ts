import type { Finding } from './finding.js';

/**
 * Thrown by the public API when the caller's input (an answers file, a rule set, a scenario)
 * is invalid. It carries every finding, so the caller can render them in any language.
 * The CLI maps it to exit status 2.
 */
export class InputError extends Error {
  readonly findings: readonly Finding[];

  constructor(findings: readonly Finding[], options?: { cause?: unknown }) {
    const first = findings[0];
    // Hosts log error messages: keep the code and parameter names, never the values, which may
    // hold a national number or health answers.
    super(first ? `${first.code} (${Object.keys(first.params).join(', ')})${findings.length > 1 ? ` and ${findings.length - 1} more` : ''}` : 'invalid input', options);
    this.name = 'InputError';
    this.findings = findings;
  }
}

/**
 * Thrown when bib-core itself is broken (a shipped rule set that does not load, a missing
 * translation key). The CLI maps it to exit status 1.
 */
export class InternalError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InternalError';
  }
}
