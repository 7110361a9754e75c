import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './cli.js';

export const screeningCasesDir = join(projectRoot, 'test', 'fixtures', 'screening');
export const badInputDir = join(projectRoot, 'test', 'fixtures', 'bad-input');

/** Expected outcome of a public case: every indicator and every triggered care path. */
export interface ExpectedOutcome {
  indicators: { id: string; status: string; score: number; threshold: number }[];
  carePaths: { id: string; priority: string; actions: string[] }[];
}

/** The public screening cases: `NAME.yaml` with its `NAME.expected.json`. */
export function screeningCases(): { name: string; file: string; expected: ExpectedOutcome }[] {
  return readdirSync(screeningCasesDir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({
      name: name.replace(/\.yaml$/, ''),
      file: join(screeningCasesDir, name),
      expected: JSON.parse(readFileSync(join(screeningCasesDir, name.replace(/\.yaml$/, '.expected.json')), 'utf8')) as ExpectedOutcome,
    }));
}
