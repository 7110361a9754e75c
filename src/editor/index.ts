export { isItemEnabled, skipCondition, type SkipCondition } from './enable-condition.js';
export { chooseRuleSet } from './rule-set-choice.js';
export { outlineQuestionnaire, renderOutline, renderOutlineColumns, wrap, type OutlineRow } from './outline.js';
export { QuestionnaireWalk, triggeredFollowUps, type FollowUpFinder, type PendingFollowUp, type WalkStep } from './walk.js';
export { formatAnswersFile, writeFileAtomically } from './answers-file.js';
