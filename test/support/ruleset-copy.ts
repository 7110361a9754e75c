import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './cli.js';

/** Text edits by path relative to a copy, for example `rules/screening/bib-screening-2.0.0.yaml`. */
export type FileEdits = Record<string, (text: string) => string>;

/**
 * Copies project folders (paths relative to the repository) into a new temporary folder and
 * applies text edits. An edit that changes nothing throws, so a test cannot pass on a stale
 * pattern.
 */
export function copyProjectFolders(folders: readonly string[], edits: FileEdits = {}, prefix = 'bib-rules-'): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  for (const relative of folders) cpSync(join(projectRoot, relative), join(folder, relative), { recursive: true });

  for (const [relative, edit] of Object.entries(edits)) {
    const path = join(folder, relative);
    const before = readFileSync(path, 'utf8');
    const after = edit(before);
    if (after === before) throw new Error(`edit of ${relative} changed nothing`);
    writeFileSync(path, after);
  }
  return folder;
}

/**
 * Copies the shipped questionnaires and screening rules into a new temporary folder and
 * applies text edits, so a test can load a rule set that differs in one known way.
 */
export function copyShippedRuleSet(edits: FileEdits = {}): string {
  return copyProjectFolders(['questionnaires', join('rules', 'screening')], edits);
}

export const rulesV2 = 'rules/screening/bib-screening-2.0.0.yaml';
export const questionnaireV2 = 'questionnaires/bib-screening-2.0.0.yaml';
