export { loadShippedVisibilityRules, loadVisibilityRules, readVisibilityRules, shippedVisibilityRulesFile } from './rules.js';
export type { VisibilityRules, RoleRule, VisibilityException } from './rules.js';
export { visibleCategories, type Viewer } from './viewer.js';
export { viewResult, type ScreeningView } from './view.js';
export { recordSuspicion, suspicionsVisibleTo, type SuspicionNote } from './suspicion.js';
export { readSuspicionNotes } from './suspicion-file.js';
