import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { copyProjectFolders, type FileEdits } from '../support/ruleset-copy.js';

/**
 * Copies every shipped rule file (`rules/` with all its kinds, and `questionnaires/`) into a
 * new temporary folder and applies text edits, so a test can validate a checkout that
 * differs in one known way. `edits` maps a path relative to the copy to a function of the
 * file's text. An edit that changes nothing throws, so a test cannot pass on a stale pattern.
 */
export function copyRuleFiles(edits: FileEdits = {}): string {
  return copyProjectFolders(['rules', 'questionnaires'], edits, 'bib-validate-');
}

/** Writes `text` to `relative` under `folder`, creating the folders on the way. */
export function writeRuleFile(folder: string, relative: string, text: string): string {
  const path = join(folder, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

/** Replaces `from` by `to` in a text, and throws when `from` does not occur in it. */
export function replaceOnce(from: string, to: string): (text: string) => string {
  return (text) => {
    if (!text.includes(from)) throw new Error(`"${from}" not found`);
    return text.replace(from, to);
  };
}

export const retentionRules = 'rules/retention/retention-rules.yaml';
export const visibilityRules = 'rules/visibility/visibility-rules.yaml';
export const accessRules = 'rules/access/access-rules.yaml';
export const bibnrRules = 'rules/identity/bibnr.yaml';
export const screeningRulesV2 = 'rules/screening/bib-screening-2.0.0.yaml';
export const questionnaireV2 = 'questionnaires/bib-screening-2.0.0.yaml';
export const ruleTestsV2 = 'rules/tests/bib-screening-2.0.0.yaml';
