import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Document } from 'yaml';
import type { AnswerSet } from '../screening/index.js';

/**
 * Formats an answer set in the public answers format (`questionnaire: id@version`,
 * `answers:`, `followUps:`), items in questionnaire order when `itemOrder` is given. Every
 * code is double-quoted, so that a YAML 1.1 reader also keeps `yes` and `no` as strings.
 */
export function formatAnswersFile(answerSet: AnswerSet, itemOrder: readonly string[] = []): string {
  const rank = (item: string) => {
    const index = itemOrder.indexOf(item);
    return index === -1 ? itemOrder.length : index;
  };
  const answers = Object.fromEntries(Object.entries(answerSet.answers).sort(([a], [b]) => rank(a) - rank(b)));

  const document = new Document({
    questionnaire: `${answerSet.questionnaire.id}@${answerSet.questionnaire.version}`,
    answers,
    followUps: { ...answerSet.followUps },
  });
  return document.toString({ defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
}

/**
 * Writes `text` to `file` through a temporary file in the same folder and a rename, so the
 * file is either the old one or the complete new one, even when the process is interrupted.
 */
export async function writeFileAtomically(file: string, text: string): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
