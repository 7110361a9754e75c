export { diffAnswerSets, type DiffOptions, type DiffReport, type DiffProgress, type ChangedAnswerSet, type UsedRuleSet, type MappingSummary } from './diff.js';
export { openAnswerSource, type AnswerSource, type AnswerRecord, type SourceProgress } from './answer-source.js';
export { mapAnswerSet, chooseSideRuleSet } from './mapping.js';
export { compareOutcomes, type Outcome, type OutcomeDifference, type IndicatorChange, type CarePathChange, type StatusOrAbsent } from './outcome.js';
export type { IndicatorTally, CarePathTally } from './tally.js';
export { renderDiffJson, renderDiffText } from './render.js';
