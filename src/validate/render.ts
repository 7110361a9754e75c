import { formatPath, type Finding } from '../findings/index.js';
import type { Translator } from '../i18n/index.js';
import type { CheckDepth, ValidationReport } from './validate.js';

/** A finding as `bib validate --format json` prints it: the data and its message in one language. */
export interface RenderedFinding extends Finding {
  message: string;
}

/** Renders the message of a finding; codes without a namespace belong to `findings`. */
export function findingMessage(finding: Finding, translator: Translator): string {
  const key = finding.code.includes(':') ? finding.code : `findings:${finding.code}`;
  const params: Record<string, unknown> = { path: formatPath(finding.path) };
  for (const [name, value] of Object.entries(finding.params)) params[name] = Array.isArray(value) ? value.join(', ') : value;
  return translator.t(key, params);
}

/** Renders the findings as a JSON array, each with its message, and a trailing newline. */
export function renderValidationJson(report: ValidationReport, translator: Translator): string {
  const rendered: RenderedFinding[] = report.findings.map((finding) => ({ ...finding, message: findingMessage(finding, translator) }));
  return `${JSON.stringify(rendered, null, 2)}\n`;
}

/**
 * Renders the findings like a compiler, grouped by file: the file name, then one line per
 * finding with `line:column`, severity, message and code. Ends with the counts of findings
 * and files, and of files that were not checked because they do not parse or have no known kind.
 */
export function renderValidationText(report: ValidationReport, translator: Translator): string {
  const { t } = translator;
  const lines: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    const file = finding.file ?? '';
    byFile.set(file, [...(byFile.get(file) ?? []), finding]);
  }

  for (const [file, findings] of byFile) {
    lines.push(file === '' ? t('validate:cli.noFile') : file);
    const positions = findings.map((finding) => (finding.line === undefined ? '' : `${finding.line}:${finding.column ?? 1}`));
    const severities = findings.map((finding) => t(`findings:severity.${finding.severity}`));
    const positionWidth = Math.max(...positions.map((position) => position.length));
    const severityWidth = Math.max(...severities.map((severity) => severity.length));
    findings.forEach((finding, index) => {
      const message = findingMessage(finding, translator);
      lines.push(`  ${positions[index]!.padEnd(positionWidth)}  ${severities[index]!.padEnd(severityWidth)}  ${message}  [${finding.code}]`);
    });
    lines.push('');
  }

  const errors = report.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = report.findings.length - errors;
  const depthCount = (depth: CheckDepth) => report.files.filter((file) => file.depth === depth).length;
  lines.push(
    t('validate:cli.summary', {
      errors: t('validate:cli.errorCount', { count: errors }),
      warnings: t('validate:cli.warningCount', { count: warnings }),
      files: t('validate:cli.fileCount', { count: report.files.length }),
    }),
  );

  const depths = [t('validate:cli.checkedInFull', { count: depthCount('full') })];
  if (depthCount('unparsed') > 0) depths.push(t('validate:cli.notParsed', { count: depthCount('unparsed') }));
  if (depthCount('unknownKind') > 0) depths.push(t('validate:cli.kindUnknown', { count: depthCount('unknownKind') }));
  lines.push(depths.join(' '));
  return `${lines.join('\n')}\n`;
}
