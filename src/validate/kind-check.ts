import { InputError, type Finding } from '../findings/index.js';
import type { RuleDocument } from './rule-documents.js';

/**
 * The check of one or more document kinds, done by the loader of the module that reads them,
 * so that `bib validate` finds what that module would reject at run time.
 */
export interface KindCheck {
  /** The values of `kind` this check reads. */
  kinds: readonly string[];
  /**
   * Checks every given document of these kinds. `all` holds every parsed document given to
   * `bib validate`, for checks that read another file (a questionnaire's categories, a rule set).
   */
  run(documents: readonly RuleDocument[], all: readonly RuleDocument[]): Promise<Finding[]>;
}

/** Calls a loader that throws InputError for invalid content and returns its findings instead. */
export function findingsOfThrowingLoader(load: () => unknown): Finding[] {
  try {
    load();
    return [];
  } catch (error) {
    if (error instanceof InputError) return [...error.findings];
    throw error;
  }
}
