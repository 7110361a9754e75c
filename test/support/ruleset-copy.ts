import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './cli.js';

/**
 * Copies the shipped questionnaires and screening rules into a new temporary folder and
 * applies text edits, so a test can load a rule set that differs in one known way.
 * `edits` maps a path relative to the copy (`rules/screening/bib-screening-2.0.0.yaml`) to
 * a function of the file's text.
 */
export function copyShippedRuleSet(edits: Record<string, (text: string) => string> = {}): string {
  const folder = mkdtempSync(join(tmpdir(), 'bib-rules-'));
  cpSync(join(projectRoot, 'questionnaires'), join(folder, 'questionnaires'), { recursive: true });
  cpSync(join(projectRoot, 'rules', 'screening'), join(folder, 'rules', 'screening'), { recursive: true });
  for (const [relative, edit] of Object.entries(edits)) {
    const path = join(folder, relative);
    const before = readFileSync(path, 'utf8');
    const after = edit(before);
    if (after === before) throw new Error(`edit of ${relative} changed nothing`);
    writeFileSync(path, after);
  }
  return folder;
}

export const rulesV2 = 'rules/screening/bib-screening-2.0.0.yaml';
export const questionnaireV2 = 'questionnaires/bib-screening-2.0.0.yaml';
