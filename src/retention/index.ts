export {
  evaluateRetention,
  type RetentionDecision,
  type RetentionOutcome,
  type RetentionRecord,
  type RetentionReport,
  type RetentionStatus,
} from './evaluate.js';
export { checkRetentionRecords, readRetentionRecords, retentionRecordsSchemaFile, type RecordsCheckOptions, type RecordsOutcome } from './records.js';
export {
  checkRetentionRules,
  loadRetentionRules,
  retentionDateFields,
  shippedRetentionRulesFile,
  type FieldTest,
  type RecordValues,
  type RetentionDateField,
  type RetentionRule,
  type RetentionRuleSet,
} from './rules.js';
