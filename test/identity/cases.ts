import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlText } from '../../src/source/index.js';
import { projectRoot } from '../support/cli.js';

export interface PseudonymCase {
  id: string;
  input?: string;
  knownToAttacker?: string;
  composed?: string;
  decomposed?: string;
  answers?: Record<string, unknown>[];
}

/** Reads one row of `test/fixtures/identity/pseudonym-cases.yaml` by its id. */
export function pseudonymCase(id: string): PseudonymCase {
  const file = join(projectRoot, 'test', 'fixtures', 'identity', 'pseudonym-cases.yaml');
  const parsed = parseYamlText(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(`fixture does not parse: ${JSON.stringify(parsed.findings)}`);
  const found = (parsed.document.data as { cases: PseudonymCase[] }).cases.find((entry) => entry.id === id);
  if (!found) throw new Error(`no case ${id}`);
  return found;
}
