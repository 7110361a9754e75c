/**
 * The public API of bib-core. Every export is listed by name, grouped by the step of the
 * pipeline it belongs to; a test pins this list, so adding an export is a decision.
 */

// --- Findings and errors -------------------------------------------------------------------
/** Problems in input or rule files as data, and the two error families thrown at API edges. */
export { InputError, InternalError, hasErrors, formatPath } from './findings/index.js';
export type { Finding, Severity, PathSegment } from './findings/index.js';

// --- Rule sets ------------------------------------------------------------------------------
/**
 * Loading rule sets. `loadShippedCatalog()` returns the rule sets shipped in `rules/` and
 * `questionnaires/` (cached per process); `loadCatalogFromFolder(dir)` loads a copy and throws
 * InputError with every finding; `loadCatalog(paths)` returns the findings instead of throwing.
 */
export { loadShippedCatalog, loadCatalogFromFolder, loadCatalog, shippedScreeningPaths } from './ruleset/index.js';
export type {
  RuleSetCatalog,
  ScreeningRuleSet,
  Questionnaire,
  QuestionnaireItem,
  IndicatorRule,
  CarePathRule,
  Condition,
  Provenance,
  Hundredths,
} from './ruleset/index.js';

// --- Screening ------------------------------------------------------------------------------
/**
 * Screening answer sets. `screen(data)` checks answers in the public format and evaluates
 * them; `readAnswersFile` and `parseAnswersText` check a file or text with positions, and
 * `evaluateScreening(ruleSet, answerSet)` evaluates a checked answer set. All are async
 * because json-rules-engine is; none reads the clock or writes to the console.
 */
export { screen, readAnswersFile, parseAnswersText, prepareAnswers, checkAnswers, evaluateScreening, declinedAnswer } from './screening/index.js';
export type {
  AnswerSet,
  PreparedAnswers,
  ScreeningResult,
  IndicatorResult,
  IndicatorStatus,
  CarePathResult,
  CarePathAction,
  Contribution,
  MissingAnswer,
  IgnoredAnswer,
  RuleSetStamp,
  QuestionnaireStamp,
} from './screening/index.js';

// --- Visibility ---------------------------------------------------------------------------
/**
 * Who sees what. `viewResult(result, viewer, {ruleSet, visibility})` removes every answer,
 * indicator and care path whose data category the viewer's role excludes (role B: no health
 * data, role none: refused). Categories of derived results come from what their rules read.
 * Suspicion notes let role B flag a health indicator it could not screen.
 */
export {
  viewResult,
  visibleCategories,
  loadShippedVisibilityRules,
  loadVisibilityRules,
  recordSuspicion,
  suspicionsVisibleTo,
  readSuspicionNotes,
} from './visibility/index.js';
export type { Viewer, ScreeningView, VisibilityRules, SuspicionNote } from './visibility/index.js';
export { deriveCategories } from './screening/index.js';

// --- Access and civil dates -----------------------------------------------------------------
/**
 * Civil dates in Europe/Brussels and ISO 8601 periods, shared by access and retention. Date
 * arithmetic works on plain year/month/day numbers, so the process time zone never shifts a day.
 * A period starts the day after its event, ends on the same day number (clamped to a shorter
 * month's end) and is over at 00:00 Brussels the next day (`periodEndInstant`).
 */
export {
  parseCivilDate,
  formatCivilDate,
  compareCivilDates,
  addDays,
  parsePeriod,
  addPeriod,
  lastDayOfPeriod,
  isWithinPeriod,
  periodEndInstant,
  civilDateAt,
  addCivilDaysToInstant,
  ageOnDate,
} from './periods/index.js';
export type { CivilDate, Period } from './periods/index.js';
/**
 * Access to a dossier. `decideAccess(request, {ruleSet, now, audit})` returns allow or deny,
 * the mode, the last day of an allowed access and every reason, and hands one audit event per
 * decision to the host's sink before it returns. It throws InputError for an invalid request,
 * including a national number in an identifier. `loadAccessRules()` loads
 * `rules/access/access-rules.yaml` (or another file) and returns findings instead of throwing.
 */
export {
  decideAccess,
  noPermitReason,
  loadAccessRules,
  parseAccessRules,
  defaultAccessRulesFile,
  loadAccessScenario,
  checkAccessRequest,
  accessReasonText,
  renderAccessDecisionText,
} from './access/index.js';
export type {
  AccessRequest,
  RequestingProfessional,
  ProfessionalRole,
  DossierLifecycle,
  ConsentRecord,
  CareRelationship,
  PresenceProof,
  AccessDecision,
  AccessEndKind,
  AccessReason,
  AccessMode,
  AccessEffect,
  AccessAuditEvent,
  AccessAuditSink,
  DecideAccessOptions,
  AccessRuleSet,
  AccessRulesOutcome,
  AccessScenario,
  AccessScenarioOutcome,
} from './access/index.js';

// --- Identity and retention -----------------------------------------------------------------
/**
 * National register and BIS numbers, keyed pseudonyms and the alternative number (BIBNR).
 * `checkNationalNumber(text, today)` judges a number against the caller's civil date and
 * returns reason codes, never the number itself. Pseudonyms and alternative numbers are
 * HMAC-SHA-256 with the host's key of at least 32 bytes; without a key they throw InputError.
 * Two women who give identical answers get the same alternative number, so the host must
 * detect that collision; each derivation returns the normalised answers it used.
 */
export {
  checkNationalNumber,
  normalizeNationalNumber,
  maskNationalNumber,
  formatNationalNumber,
  formatBirthDate,
  redactNumbers,
  readNationalNumberList,
  nationalNumberText,
  createPseudonymKey,
  parsePseudonymKeyText,
  pseudonymizeNationalNumber,
  loadAlternativeNumberRules,
  checkAlternativeNumberRules,
  deriveAlternativeNumber,
  verifyAlternativeNumber,
  pseudonymizeAlternativeNumber,
  linkToNationalNumber,
} from './identity/index.js';
export type {
  NationalNumberCheck,
  ValidNationalNumber,
  InvalidNationalNumber,
  NationalNumberKind,
  NationalNumberProblem,
  NationalNumberReason,
  BirthDate,
  NumberEntry,
  PseudonymKey,
  NumberPseudonymResult,
  AlternativeNumberRules,
  AlternativeNumber,
  AlternativeNumberOutcome,
  AlternativeCodeCheck,
  NormalizedAnswers,
  IdentityLink,
  LinkOutcome,
  PreviousIdentifier,
} from './identity/index.js';
/**
 * Retention. `evaluateRetention(records, ruleSet, asOf)` gives each record its last day and
 * whether it is due for deletion on `asOf`: due exactly when `asOf` is after the last day. A
 * record whose account is not closed has no last day yet. A repeated record id, an owner or
 * kind that the rules do not declare, and an event date after `asOf` are findings.
 * `loadRetentionRules()` loads `rules/retention/retention-rules.yaml` and rejects a `when`
 * that no record can match; `readRetentionRecords(file, { ruleSet, asOf })` reads and checks
 * a records file in one round and returns findings instead of throwing.
 */
export { evaluateRetention, loadRetentionRules, checkRetentionRules, readRetentionRecords, checkRetentionRecords } from './retention/index.js';
export type {
  RetentionRecord,
  RetentionDecision,
  RetentionReport,
  RetentionOutcome,
  RetentionStatus,
  RetentionRuleSet,
  RetentionRule,
  RetentionDateField,
  RecordValues,
  RecordsCheckOptions,
} from './retention/index.js';

// --- Rendering ------------------------------------------------------------------------------
/** Renderers of results and findings; they read data and add nothing clinical. */
export { renderScreeningJson } from './render/screening-json.js';
export { renderScreeningText, plainStyle, type TextStyle } from './render/screening-text.js';
export { renderFindingsText } from './render/findings-text.js';

// --- Languages ------------------------------------------------------------------------------
/** Translators over `locales/<lng>/`; a missing key throws instead of showing the key. */
export { createTranslator, supportedLocales, defaultLocale, isLocale } from './i18n/index.js';
export type { Locale, Translator } from './i18n/index.js';

// --- Command line ---------------------------------------------------------------------------
/** Runs the `bib` command line with the given arguments and streams; returns the exit status. */
export { main } from './cli/main.js';
export type { CliIo } from './cli/context.js';

// --- Questionnaire editor, locale check and HTML report ---------------------------------------
/**
 * Working with the questionnaire and its texts. `QuestionnaireWalk` steps through the enabled
 * items in order and then the follow-up questions of the triggered care paths, with going
 * back; it holds no terminal state. `checkLocales()` compares the texts of every language and
 * returns findings with codes `editor:locales.*`. `renderHtml(view, translator, options)`
 * renders a printable, self-contained page; the caller passes the date, so it reads no clock.
 */
export { QuestionnaireWalk, chooseRuleSet, isItemEnabled, outlineQuestionnaire, formatAnswersFile } from './editor/index.js';
export type { WalkStep, PendingFollowUp, FollowUpFinder, OutlineRow } from './editor/index.js';
export { checkLocales } from './i18n/check/index.js';
export type { LocaleCheckOptions, LocaleCheckReport } from './i18n/check/index.js';
export { renderHtml } from './render/html/index.js';
export type { HtmlOptions } from './render/html/index.js';

// --- Checking rule changes: validate, test cases, diff --------------------------------------
/**
 * Checks to run before a rule change ships; each report names the rule sets it used by id,
 * version and content hash. `validateRuleFiles` returns every finding of the rule files: the
 * schema, the semantic checks, provisional values (errors with `strict`) and, given an earlier
 * copy in `baselineDir`, content changed without a higher version. `runRuleTests` runs the
 * declarative cases of `rules/tests` against a catalog and, with `coverage`, lists thresholds
 * and care paths that no case reaches. `diffAnswerSets` screens answer sets under two catalogs
 * and counts what changes. It reads them one at a time from `openAnswerSource(path)` (a folder,
 * JSON lines or CSV) and keeps only counts and the first `listLimit` changes.
 */
export { validateRuleFiles, renderValidationText, renderValidationJson } from './validate/index.js';
export type { ValidateOptions, ValidationReport, ValidatedFile, CheckDepth } from './validate/index.js';
export { runRuleTests, renderRuleTestText, renderRuleTestJson } from './ruletest/index.js';
export type { RuleTestOptions, RuleTestReport, CaseResult, Mismatch, RuleSetCoverage, IndicatorCoverage, CarePathCoverage, CoverageGap } from './ruletest/index.js';
export { diffAnswerSets, openAnswerSource, renderDiffText, renderDiffJson } from './diff/index.js';
export type {
  DiffOptions,
  DiffReport,
  DiffProgress,
  ChangedAnswerSet,
  UsedRuleSet,
  MappingSummary,
  AnswerRecord,
  AnswerSource,
  SourceProgress,
  IndicatorTally,
  CarePathTally,
  IndicatorChange,
  CarePathChange,
} from './diff/index.js';
