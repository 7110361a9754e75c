import { type Finding } from '../findings/index.js';
import { readYamlFile, type SourceDocument } from '../source/index.js';

/** A parsed rule file with the identity it declares, when it declares one. */
export interface RuleDocument {
  file: string;
  document: SourceDocument;
  kind?: string;
  id?: string;
  version?: string;
  /** The questionnaire reference (`id@version`) of screening rules and rule tests. */
  questionnaire?: string;
}

/**
 * Parses each file and reads its `kind`, `id`, `version` and `questionnaire` when they are
 * strings. A file that does not parse is left out of `documents`, and its findings are returned.
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

/** The top-level mapping of a document, or undefined when the document is a list or a scalar. */
export function topLevelMapping(data: unknown): Record<string, unknown> | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  return data as Record<string, unknown>;
}

function identityOf(data: unknown): Pick<RuleDocument, 'kind' | 'id' | 'version' | 'questionnaire'> {
  const record = topLevelMapping(data) ?? {};
  const identity: Pick<RuleDocument, 'kind' | 'id' | 'version' | 'questionnaire'> = {};
  for (const key of ['kind', 'id', 'version', 'questionnaire'] as const) {
    const value = record[key];
    if (typeof value === 'string') identity[key] = value;
  }
  return identity;
}
