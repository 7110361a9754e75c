import { errorFinding, InputError, type Finding } from '../findings/index.js';
import { checkAgainstSchema, type ScreeningRuleSet } from '../ruleset/index.js';
import { deriveCategories } from '../screening/index.js';
import { readYamlFile } from '../source/index.js';
import type { SuspicionNote } from './suspicion.js';

/**
 * Reads a file of suspicion notes (`kind: SuspicionNotes`) and checks every note: the schema,
 * an indicator the rule set has, and an instant that parses. Throws InputError with every
 * finding. Which notes a viewer may read is decided later, by `viewResult`.
 */
export async function readSuspicionNotes(file: string, ruleSet: ScreeningRuleSet): Promise<SuspicionNote[]> {
  const parsed = await readYamlFile(file);
  if (!parsed.ok) throw new InputError(parsed.findings);
  const { document } = parsed;

  const schemaFindings = checkAgainstSchema(document, 'suspicion-notes-1');
  if (schemaFindings.length > 0) throw new InputError(schemaFindings);

  const notes = (document.data as { notes: SuspicionNote[] }).notes;
  const indicators = deriveCategories(ruleSet).indicators;
  const findings: Finding[] = [];
  notes.forEach((note, index) => {
    if (!indicators.has(note.indicator)) {
      const path = ['notes', index, 'indicator'];
      findings.push(errorFinding('visibility.unknownIndicator', { indicator: note.indicator, allowed: [...indicators.keys()] }, { file, path, ...document.locate(path) }));
    }
    if (Number.isNaN(Date.parse(note.recordedAt))) {
      const path = ['notes', index, 'recordedAt'];
      findings.push(errorFinding('visibility.badInstant', { value: note.recordedAt }, { file, path, ...document.locate(path) }));
    }
  });
  if (findings.length > 0) throw new InputError(findings);
  return notes.map((note) => ({ ...note }));
}
