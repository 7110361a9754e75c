export * from './types.js';
export { toHundredths, fromHundredths } from './decimal.js';
export { canonicalJson, sha256Hex } from './hash.js';
export { loadCatalog, loadCatalogFromFolder, loadShippedCatalog, contentFolders, readScreeningDocuments, shippedScreeningPaths, type LoadedDocument, type LoadOptions } from './load.js';
export { screeningChecks, type ScreeningCheck, type ScreeningCheckContext } from './checks/index.js';
export { checkAgainstSchema, schemaValidator, describeValue } from './schema-check.js';
export type { WrittenQuestionnaire, WrittenScreeningRules, WrittenCondition, WrittenAnswerCondition } from './written.js';
