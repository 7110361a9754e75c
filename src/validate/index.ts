export { validateRuleFiles, type ValidateOptions, type ValidationReport, type ValidatedFile, type CheckDepth } from './validate.js';
export { renderValidationJson, renderValidationText, findingMessage, type RenderedFinding } from './render.js';
export { parseVersion, compareVersions, type Version } from './version.js';
export { knownKinds } from './kinds.js';
