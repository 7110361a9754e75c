export { decideAccess, noPermitReason } from './decision.js';
export type { AccessAuditEvent, AccessAuditSink, AccessDecision, AccessReason, DecideAccessOptions } from './decision.js';
export { accessReasonText, reasonsWithoutText, renderAccessDecisionText } from './decision-text.js';
export { accessFactCatalogue, deriveAccessFacts } from './facts.js';
export type { AccessEndKind, AccessFactName, AccessFacts } from './facts.js';
export { looksLikeNationalNumber, maskNationalNumbers } from './national-number-guard.js';
export type {
  AccessRequest,
  CareRelationship,
  ConsentRecord,
  DossierLifecycle,
  PresenceProof,
  ProfessionalRole,
  RequestingProfessional,
} from './request.js';
export { checkAccessRequest } from './request-check.js';
export type { AccessCondition, AccessEffect, AccessMode, AccessRule, AccessRuleSet } from './rule-set.js';
export { compileAccessRule, runAccessRules } from './rules-engine.js';
export { defaultAccessRulesFile, loadAccessRules, parseAccessRules } from './rules-load.js';
export type { AccessRulesOutcome } from './rules-load.js';
export { checkAccessScenario, loadAccessScenario } from './scenario.js';
export type { AccessScenario, AccessScenarioOutcome } from './scenario.js';
export { accessSchemaFiles, checkAccessSchema } from './schema-validation.js';
