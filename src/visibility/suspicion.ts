import { errorFinding, InputError } from '../findings/index.js';
import type { ScreeningRuleSet } from '../ruleset/index.js';
import { deriveCategories } from '../screening/index.js';

/**
 * A role-B professional's note that she may have a problem on a health indicator it could
 * not screen. It holds only what its author wrote, so showing it to its author reveals nothing.
 */
export interface SuspicionNote {
  indicator: string;
  text: string;
  author: string;
  /** ISO 8601 instant, given by the host (the library reads no clock). */
  recordedAt: string;
}

/**
 * Checks and returns a new suspicion note. The indicator must exist in the rule set and be
 * outside what the author's categories show (a note on data the author can see is a finding
 * to record in the screening itself, not a suspicion).
 */
export function recordSuspicion(
  note: SuspicionNote,
  ruleSet: ScreeningRuleSet,
  authorCategories: ReadonlySet<string>,
): SuspicionNote {
  const categories = deriveCategories(ruleSet).indicators;
  const category = categories.get(note.indicator);
  if (category === undefined) {
    throw new InputError([errorFinding('visibility.unknownIndicator', { indicator: note.indicator, allowed: [...categories.keys()] })]);
  }
  if (authorCategories.has(category)) {
    throw new InputError([errorFinding('visibility.suspicionOnVisible', { indicator: note.indicator })]);
  }
  if (note.text.trim() === '' || note.author.trim() === '') {
    throw new InputError([errorFinding('visibility.emptySuspicion', { indicator: note.indicator })]);
  }
  if (Number.isNaN(Date.parse(note.recordedAt))) {
    throw new InputError([errorFinding('visibility.badInstant', { value: note.recordedAt })]);
  }
  return { ...note };
}

/**
 * The notes a viewer may read: all of them when the viewer sees every category the notes are
 * about, otherwise only the notes the viewer wrote.
 */
export function suspicionsVisibleTo(
  notes: readonly SuspicionNote[],
  viewer: { id?: string },
  viewerCategories: ReadonlySet<string>,
  ruleSet: ScreeningRuleSet,
): SuspicionNote[] {
  const categories = deriveCategories(ruleSet).indicators;
  return notes.filter((note) => {
    const category = categories.get(note.indicator);
    if (category !== undefined && viewerCategories.has(category)) return true;
    return viewer.id !== undefined && note.author === viewer.id;
  });
}
