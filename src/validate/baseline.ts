import { errorFinding, warningFinding, type Finding } from '../findings/index.js';
import { canonicalJson } from '../ruleset/hash.js';
import type { RuleDocument } from './rule-documents.js';
import { scoringChanges } from './scoring-changes.js';
import { bumpOf, compareVersions, formatVersion, parseVersion, type Version } from './version.js';

interface VersionedDocument {
  document: RuleDocument;
  version: Version;
  /** The content as canonical JSON without the `version` field, so two versions can be compared. */
  content: string;
}

/**
 * Compares rule documents with an earlier copy (the baseline). A document is matched by kind
 * and id, and screening rules and rule tests also by the questionnaire they refer to, never by
 * file name. Content is compared as canonical JSON, so comments and formatting do not count.
 * Reports as errors: content changed while the version stayed the same, a new version that
 * only raises the patch number although it changes points, thresholds or triggers, and a
 * version lower than the newest one in the baseline that no given document still has.
 * Warns about each document that has neither its own version nor an earlier one in the baseline,
 * because it was not compared.
 */
export function versionFindings(current: readonly RuleDocument[], baseline: readonly RuleDocument[]): Finding[] {
  const earlier = indexByIdentity(baseline);
  const currentEntries = versioned(current);
  const findings: Finding[] = [];

  for (const entry of currentEntries) {
    const { document, version } = entry;
    const candidates = earlier.get(identityKey(document)) ?? [];
    const where = { file: document.file, path: ['version'], ...document.document.locate(['version']) };

    const sameVersion = candidates.find((candidate) => compareVersions(candidate.version, version) === 0);
    if (sameVersion) {
      if (sameVersion.content !== entry.content) {
        findings.push(
          errorFinding('validate:version.notBumped', { kind: document.kind!, id: document.id!, version: document.version!, baseline: sameVersion.document.file }, where),
        );
      }
      continue;
    }

    const newest = candidates.at(-1);
    const stillGiven = (candidate: VersionedDocument) =>
      currentEntries.some((other) => identityKey(other.document) === identityKey(candidate.document) && compareVersions(other.version, candidate.version) === 0);
    if (newest && compareVersions(version, newest.version) < 0 && !stillGiven(newest)) {
      findings.push(loweredFinding(entry, newest, where));
      continue;
    }

    const predecessor = candidates.filter((candidate) => compareVersions(candidate.version, version) < 0).at(-1);
    if (!predecessor) {
      // Neither this version nor an earlier one is in the baseline, so nothing was compared.
      findings.push(warningFinding('validate:version.notInBaseline', { kind: document.kind!, id: document.id!, version: document.version! }, where));
      continue;
    }
    if (bumpOf(predecessor.version, version) !== 'patch') continue;
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
          suggested: formatVersion(nextMinor(predecessor.version)),
        },
        where,
      ),
    );
  }
  return findings;
}

/**
 * Reports a version that went down from the newest in the baseline (2.0.0 to 1.9.0), because
 * results stamped with it would look older than those of the baseline. With other content it
 * suggests the next version above the baseline: minor when points, thresholds or triggers
 * changed, patch otherwise. With the same content, the fix is to keep the baseline's version.
 */
function loweredFinding(entry: VersionedDocument, newest: VersionedDocument, where: Pick<Finding, 'file' | 'path' | 'line' | 'column'>): Finding {
  const { kind, id } = entry.document;
  const params = { kind: kind!, id: id!, version: formatVersion(entry.version), baselineVersion: formatVersion(newest.version), baseline: newest.document.file };
  if (entry.content === newest.content) return errorFinding('validate:version.loweredSameContent', params, where);

  const scoring = scoringChanges(kind!, newest.document.document.data, entry.document.document.data);
  const suggested = scoring.length > 0 ? nextMinor(newest.version) : { ...newest.version, patch: newest.version.patch + 1 };
  return errorFinding('validate:version.lowered', { ...params, suggested: formatVersion(suggested) }, where);
}

/** Tells whether the baseline has at least one document with a kind, an id and a valid version to compare with. */
export function hasComparableDocuments(baseline: readonly RuleDocument[]): boolean {
  return versioned(baseline).length > 0;
}

/** Warns about each file of the baseline that could not be read, so it was not compared. */
export function unreadableBaselineFindings(findings: readonly Finding[]): Finding[] {
  const files = [...new Set(findings.filter((finding) => finding.severity === 'error').map((finding) => finding.file ?? ''))];
  return files.map((file) => warningFinding('validate:version.baselineUnreadable', { file }, { file }));
}

/** Warns about two baseline files with the same kind, id and version: only the first is compared. */
export function baselineDuplicateFindings(baseline: readonly RuleDocument[]): Finding[] {
  const first = new Map<string, RuleDocument>();
  const findings: Finding[] = [];
  for (const entry of versioned(baseline)) {
    const key = `${identityKey(entry.document)}\u0000${formatVersion(entry.version)}`;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, entry.document);
      continue;
    }
    const { file, kind, id, version } = entry.document;
    findings.push(warningFinding('validate:version.baselineDuplicate', { kind: kind!, id: id!, version: version!, used: earlier.file }, { file }));
  }
  return findings;
}

function nextMinor(version: Version): Version {
  return { major: version.major, minor: version.minor + 1, patch: 0 };
}

function identityKey(document: RuleDocument): string {
  return [document.kind, document.id, document.questionnaire ?? ''].join('\u0000');
}

/** Documents with a kind, an id and a well-formed version, with their content. */
function versioned(documents: readonly RuleDocument[]): VersionedDocument[] {
  const entries: VersionedDocument[] = [];
  for (const document of documents) {
    const version = document.version === undefined ? undefined : parseVersion(document.version);
    if (!document.kind || !document.id || !version) continue;
    entries.push({ document, version, content: canonicalJson({ ...(document.document.data as object), version: undefined }) });
  }
  return entries;
}

/** Baseline documents by identity, each list sorted by version (the first file of a version wins). */
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
