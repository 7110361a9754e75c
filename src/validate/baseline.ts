import { errorFinding, warningFinding, type Finding } from '../findings/index.js';
import { canonicalJson } from '../ruleset/hash.js';
import type { RuleDocument } from './rule-documents.js';
import { scoringChanges } from './scoring-changes.js';
import { bumpOf, compareVersions, formatVersion, parseVersion, type Version } from './version.js';

interface VersionedDocument {
  document: RuleDocument;
  version: Version;
  canonical: string;
}

/**
 * Compares rule documents with an earlier copy (the baseline), by kind, id and version and
 * ignoring comments and formatting (canonical JSON). Reports as errors: a document whose
 * content changed while its version stayed the same, and a document whose new version only
 * raises the patch number although it changes points, thresholds or triggers.
 */
export function versionFindings(current: readonly RuleDocument[], baseline: readonly RuleDocument[]): Finding[] {
  const earlier = indexByIdentity(baseline);
  const findings: Finding[] = [];

  for (const entry of versioned(current)) {
    const { document, version } = entry;
    const candidates = earlier.get(identityKey(document)) ?? [];
    const where = { file: document.file, path: ['version'], ...document.document.locate(['version']) };

    const sameVersion = candidates.find((candidate) => compareVersions(candidate.version, version) === 0);
    if (sameVersion) {
      if (sameVersion.canonical !== entry.canonical) {
        findings.push(
          errorFinding('validate:version.notBumped', { kind: document.kind!, id: document.id!, version: document.version!, baseline: sameVersion.document.file }, where),
        );
      }
      continue;
    }

    const predecessor = candidates.filter((candidate) => compareVersions(candidate.version, version) < 0).at(-1);
    if (!predecessor || bumpOf(predecessor.version, version) !== 'patch') continue;
    const changes = scoringChanges(document.kind!, predecessor.document.document.data, document.document.data);
    if (changes.length === 0) continue;
    findings.push(
      errorFinding(
        'validate:version.minorBumpNeeded',
        {
          id: document.id!,
          from: formatVersion(predecessor.version),
          to: formatVersion(version),
          changes,
          suggested: formatVersion({ major: predecessor.version.major, minor: predecessor.version.minor + 1, patch: 0 }),
        },
        where,
      ),
    );
  }
  return findings;
}

/** Warns about each baseline file that could not be read, so it was not compared. */
export function unreadableBaselineFindings(findings: readonly Finding[]): Finding[] {
  const files = [...new Set(findings.filter((finding) => finding.severity === 'error').map((finding) => finding.file ?? ''))];
  return files.map((file) => warningFinding('validate:version.baselineUnreadable', { file }, { file }));
}

function identityKey(document: RuleDocument): string {
  return `${document.kind}\u0000${document.id}`;
}

/** Documents with a kind, an id and a well-formed version, with their canonical content. */
function versioned(documents: readonly RuleDocument[]): VersionedDocument[] {
  const entries: VersionedDocument[] = [];
  for (const document of documents) {
    const version = document.version === undefined ? undefined : parseVersion(document.version);
    if (!document.kind || !document.id || !version) continue;
    entries.push({ document, version, canonical: canonicalJson(document.document.data) });
  }
  return entries;
}

/** Baseline documents by kind and id, each list sorted by version (first file wins a tie). */
function indexByIdentity(documents: readonly RuleDocument[]): Map<string, VersionedDocument[]> {
  const index = new Map<string, VersionedDocument[]>();
  for (const entry of versioned(documents)) {
    const key = identityKey(entry.document);
    const list = index.get(key) ?? [];
    if (!list.some((other) => compareVersions(other.version, entry.version) === 0)) list.push(entry);
    index.set(key, list);
  }
  for (const list of index.values()) list.sort((a, b) => compareVersions(a.version, b.version));
  return index;
}
