/** Seriousness of a finding: an error stops the operation, a warning does not. */
export type Severity = 'error' | 'warning';

/** One segment of a path into a YAML or JSON document: a mapping key or a sequence index. */
export type PathSegment = string | number;

/**
 * A problem found in user input or in a rule set, as data. `code` is an i18next key in the
 * `findings` namespace of `locales/<lng>/`, and `params` are its interpolation values, so a
 * finding can be rendered in any supported language.
 */
export interface Finding {
  severity: Severity;
  code: string;
  file?: string;
  line?: number;
  column?: number;
  path?: PathSegment[];
  params: Record<string, string | number | boolean | readonly string[]>;
}

/** Builds an error finding; `where` adds the file and position when they are known. */
export function errorFinding(
  code: string,
  params: Finding['params'] = {},
  where: Pick<Finding, 'file' | 'line' | 'column' | 'path'> = {},
): Finding {
  return { severity: 'error', code, ...where, params };
}

/** Builds a warning finding. */
export function warningFinding(
  code: string,
  params: Finding['params'] = {},
  where: Pick<Finding, 'file' | 'line' | 'column' | 'path'> = {},
): Finding {
  return { severity: 'warning', code, ...where, params };
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === 'error');
}

/** Formats a path as YAML readers know it, for example `answers.housing_type` or `items[3].id`. */
export function formatPath(path: readonly PathSegment[] | undefined): string {
  if (!path || path.length === 0) return '';
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}
