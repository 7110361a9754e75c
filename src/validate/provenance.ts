import { errorFinding, formatPath, warningFinding, type Finding, type PathSegment } from '../findings/index.js';
import type { RuleDocument } from './rule-documents.js';

/** The provenance of a placeholder value that the owners of the instrument must still replace. */
const provisional = 'provisional';

/** Lists the path of every `provenance: provisional` entry in a document, in document order. */
export function provisionalPaths(data: unknown, path: PathSegment[] = []): PathSegment[][] {
  if (Array.isArray(data)) return data.flatMap((entry, index) => provisionalPaths(entry, [...path, index]));
  if (data === null || typeof data !== 'object') return [];

  const found: PathSegment[][] = [];
  for (const [key, value] of Object.entries(data)) {
    if (key === 'provenance' && value === provisional) found.push([...path, key]);
    else found.push(...provisionalPaths(value, [...path, key]));
  }
  return found;
}

/**
 * Reports provisional values. By default one warning per file gives their count; with
 * `strict` (for a release) each provisional value is an error at its own position.
 */
export function provenanceFindings(documents: readonly RuleDocument[], strict: boolean): Finding[] {
  const findings: Finding[] = [];
  for (const { file, document } of documents) {
    const paths = provisionalPaths(document.data);
    if (paths.length === 0) continue;

    if (!strict) {
      findings.push(warningFinding('validate:provenance.remaining', { count: paths.length }, { file, path: [], ...document.locate([]) }));
      continue;
    }
    for (const path of paths) {
      const value = describeOwner(document.data, path.slice(0, -1));
      findings.push(errorFinding('validate:provenance.provisional', { value }, { file, path, ...document.locate(path) }));
    }
  }
  return findings;
}

/**
 * Describes the value a provenance belongs to (a threshold, an item's points, a care path) by
 * its path and the id of the nearest entry that has one: `indicators[0].threshold (communication)`.
 */
function describeOwner(data: unknown, owner: PathSegment[]): string {
  let label: string | undefined;
  let current: unknown = data;
  for (const segment of owner) {
    if (current === null || typeof current !== 'object') break;
    current = (current as Record<string | number, unknown>)[segment];
    const record = current as Record<string, unknown> | null;
    if (record !== null && typeof record === 'object') {
      const name = record['id'] ?? record['item'];
      if (typeof name === 'string') label = name;
    }
  }
  return label === undefined ? formatPath(owner) : `${formatPath(owner)} (${label})`;
}
