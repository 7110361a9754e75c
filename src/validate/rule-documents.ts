import { type Finding } from '../findings/index.js';
import { readYamlFile, type SourceDocument } from '../source/index.js';

/** A parsed rule file with the identity it declares, when it declares one. */
export interface RuleDocument {
  file: string;
  document: SourceDocument;
  kind?: string;
  id?: string;
  version?: string;
}

/**
 * Parses each file and reads its `kind`, `id` and `version` when they are strings. A file
 * that does not parse is left out, and its findings are returned.
 */
export async function readRuleDocuments(files: readonly string[]): Promise<{ documents: RuleDocument[]; findings: Finding[] }> {
  const documents: RuleDocument[] = [];
  const findings: Finding[] = [];
  for (const file of files) {
    const parsed = await readYamlFile(file);
    if (!parsed.ok) {
      findings.push(...parsed.findings);
      continue;
    }
    documents.push({ file, document: parsed.document, ...identityOf(parsed.document.data) });
  }
  return { documents, findings };
}

function identityOf(data: unknown): Pick<RuleDocument, 'kind' | 'id' | 'version'> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return {};
  const record = data as Record<string, unknown>;
  const identity: Pick<RuleDocument, 'kind' | 'id' | 'version'> = {};
  if (typeof record['kind'] === 'string') identity.kind = record['kind'];
  if (typeof record['id'] === 'string') identity.id = record['id'];
  if (typeof record['version'] === 'string') identity.version = record['version'];
  return identity;
}
