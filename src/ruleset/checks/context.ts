import { errorFinding, warningFinding, type Finding, type PathSegment } from '../../findings/index.js';
import type { SourceDocument } from '../../source/index.js';
import type { WrittenQuestionnaire, WrittenScreeningRules } from '../written.js';

/**
 * What a semantic check of a screening rule set reads: the rules and their questionnaire as
 * written, each with its source document for positions.
 */
export interface ScreeningCheckContext {
  rules: WrittenScreeningRules;
  rulesDocument: SourceDocument;
  questionnaire: WrittenQuestionnaire;
  questionnaireDocument: SourceDocument;
}

/** A semantic check: a small named unit that returns its findings. */
export interface ScreeningCheck {
  name: string;
  run(context: ScreeningCheckContext): Finding[];
}

/** Builds an error finding located at `path` in `document`. */
export function errorAt(
  document: SourceDocument,
  path: PathSegment[],
  code: string,
  params: Finding['params'],
  options: { key?: boolean } = {},
): Finding {
  const position = options.key ? document.locateKey(path) : document.locate(path);
  return errorFinding(code, params, { file: document.file, path, ...position });
}

export function warningAt(document: SourceDocument, path: PathSegment[], code: string, params: Finding['params']): Finding {
  return warningFinding(code, params, { file: document.file, path, ...document.locate(path) });
}
