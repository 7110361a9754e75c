export { formatBirthDate, type BirthDate } from './birth-date.js';
export {
  checkNationalNumber,
  formatNationalNumber,
  maskNationalNumber,
  normalizeNationalNumber,
  redactNumbers,
  type InvalidNationalNumber,
  type NationalNumberCheck,
  type NationalNumberKind,
  type NationalNumberProblem,
  type NationalNumberReason,
  type ValidNationalNumber,
} from './national-number.js';
export { nationalNumberText, numberColumn, readNationalNumberList, type NumberEntry, type NumberListOutcome } from './number-source.js';
export { createPseudonymKey, minimumKeyBytes, parsePseudonymKeyText, requireKey, type PseudonymKey } from './pseudonym-key.js';
export {
  computePseudonym,
  encodeBase32,
  pseudonymFormatVersion,
  pseudonymizeNationalNumber,
  type NumberPseudonymResult,
  type PseudonymDomain,
} from './pseudonym.js';
export {
  checkAlternativeNumberRules,
  loadAlternativeNumberRules,
  shippedAlternativeRulesFile,
  type AlternativeNumberRules,
  type AlternativeQuestion,
  type AlternativeQuestionType,
} from './alternative-rules.js';
export { normalizeAlternativeAnswers, normalizeName, type AnswersOutcome, type NormalizedAnswers } from './alternative-answers.js';
export {
  deriveAlternativeNumber,
  formatCode,
  pseudonymizeAlternativeNumber,
  verifyAlternativeNumber,
  type AlternativeCodeCheck,
  type AlternativeCodeReason,
  type AlternativeNumber,
  type AlternativeNumberOutcome,
} from './alternative-number.js';
export { computeCheckSymbols, hasValidCheckSymbols } from './check-characters.js';
export { linkToNationalNumber, type IdentityLink, type LinkOutcome, type LinkReason, type PreviousIdentifier } from './link.js';
