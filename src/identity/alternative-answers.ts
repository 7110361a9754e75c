import { compareCivilDates, parseCivilDate, type CivilDate } from '../periods/index.js';
import { errorFinding, type Finding, type PathSegment } from '../findings/index.js';
import type { SourceDocument } from '../source/index.js';
import type { AlternativeNumberRules, AlternativeQuestion } from './alternative-rules.js';
import { describeValue } from './value-description.js';

/** The normalised answers, by question id, exactly as they enter the keyed hash. */
export type NormalizedAnswers = Record<string, string>;

export type AnswersOutcome = { ok: true; answers: NormalizedAnswers } | { ok: false; findings: Finding[] };

/**
 * Checks and normalises her answers to the alternative-number questions. Every answer must
 * be text: a YAML or JSON number or date is rejected, because quoting keeps `0612` from
 * becoming 612. `document`, when given, adds file, line and column to the findings.
 */
export function normalizeAlternativeAnswers(
  answers: unknown,
  rules: AlternativeNumberRules,
  today: CivilDate,
  document?: SourceDocument,
): AnswersOutcome {
  const findings: Finding[] = [];
  const where = (path: PathSegment[]) => (document ? { file: document.file, path, ...document.locate(path) } : { path });

  if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) {
    const expected = rules.questions.map((question) => question.id);
    return { ok: false, findings: [errorFinding('identity:alternative.notMapping', { expected }, where([]))] };
  }
  const given = answers as Record<string, unknown>;

  const known = new Set(rules.questions.map((question) => question.id));
  for (const key of Object.keys(given)) {
    if (!known.has(key)) {
      const keyWhere = document ? { file: document.file, path: [key], ...document.locateKey([key]) } : { path: [key] };
      findings.push(errorFinding('identity:alternative.unknownQuestion', { question: key, expected: [...known] }, keyWhere));
    }
  }

  const normalized: NormalizedAnswers = {};
  for (const question of rules.questions) {
    const value = given[question.id];
    const path = [question.id];
    if (value === undefined || value === null) {
      findings.push(errorFinding('identity:alternative.missing', { question: question.id }, where(path)));
      continue;
    }
    if (typeof value !== 'string') {
      findings.push(errorFinding('identity:alternative.notText', { question: question.id, ...describeValue(value) }, where(path)));
      continue;
    }

    const result = normalizeAnswer(value, question, rules, today);
    if (typeof result === 'string') normalized[question.id] = result;
    else findings.push(errorFinding(result.code, { question: question.id, ...result.params }, where(path)));
  }

  return findings.length > 0 ? { ok: false, findings } : { ok: true, answers: normalized };
}

interface AnswerProblem {
  code: string;
  params: Finding['params'];
}

function normalizeAnswer(text: string, question: AlternativeQuestion, rules: AlternativeNumberRules, today: CivilDate): string | AnswerProblem {
  switch (question.type) {
    case 'date':
      return normalizeBirthDateAnswer(text, question.partialDates, today);
    case 'country':
      return normalizeCountryAnswer(text, rules);
    case 'name':
      return normalizeNameAnswer(text, rules);
  }
}

const partialDatePattern = /^(\d{4})(?:-(\d{2}))?$/;
const earliestBirthYear = 1900;

/** Accepts `YYYY-MM-DD` (a real date), and `YYYY-MM` or `YYYY` when partial dates are allowed; never a day after today. */
function normalizeBirthDateAnswer(text: string, partialDates: boolean, today: CivilDate): string | AnswerProblem {
  const trimmed = text.trim();
  const full = parseCivilDate(trimmed);
  const partial = partialDates && full === undefined ? partialDatePattern.exec(trimmed) : null;
  const expected = partialDates ? 'YYYY-MM-DD, YYYY-MM, YYYY' : 'YYYY-MM-DD';

  let earliest: CivilDate;
  if (full) {
    earliest = full;
  } else if (partial) {
    const month = partial[2] === undefined ? 1 : Number(partial[2]);
    if (month < 1 || month > 12) return { code: 'identity:alternative.badDate', params: { value: trimmed.slice(0, 20), expected } };
    earliest = { year: Number(partial[1]), month, day: 1 };
  } else {
    return { code: 'identity:alternative.badDate', params: { value: trimmed.slice(0, 20), expected } };
  }

  if (earliest.year < earliestBirthYear) {
    return { code: 'identity:alternative.dateTooEarly', params: { value: trimmed, earliest: earliestBirthYear } };
  }
  if (compareCivilDates(earliest, today) > 0) {
    return { code: 'identity:alternative.futureDate', params: { value: trimmed } };
  }
  return trimmed;
}

function normalizeCountryAnswer(text: string, rules: AlternativeNumberRules): string | AnswerProblem {
  const typed = text.trim().toUpperCase();
  const code = rules.countries.aliases[typed] ?? typed;
  if (!rules.countries.codes.has(code)) {
    return { code: 'identity:alternative.unknownCountry', params: { value: text.trim().slice(0, 20) } };
  }
  return code;
}

const controlCharacters = /\p{Cc}/u;
const invisibleCharacters = /[\u00AD\u200B\u2060\uFEFF]/gu;
/** Combining marks on Latin and Greek letters; marks in other scripts can change the letter itself. */
const latinOrGreekMarks = /([\p{Script=Latin}\p{Script=Greek}])\p{M}+/gu;

function normalizeNameAnswer(text: string, rules: AlternativeNumberRules): string | AnswerProblem {
  if (controlCharacters.test(text)) {
    return { code: 'identity:alternative.controlCharacter', params: {} };
  }
  const normalized = normalizeName(text, rules.names);
  if (normalized === '') return { code: 'identity:alternative.empty', params: {} };
  return normalized;
}

/**
 * Normalises a name: Unicode NFC, hyphen and apostrophe variants unified, white space
 * collapsed and trimmed (none around a hyphen), case folded, and diacritics on Latin and
 * Greek letters stripped when the rules say so. `Zoë` typed as U+00EB or as `e` + U+0308
 * gives the same result.
 */
export function normalizeName(text: string, names: AlternativeNumberRules['names']): string {
  let name = text.normalize('NFC').replace(invisibleCharacters, '');
  for (const hyphen of names.hyphens) name = name.replaceAll(hyphen, '-');
  for (const apostrophe of names.apostrophes) name = name.replaceAll(apostrophe, "'");
  name = name.replace(/\s+/gu, ' ').trim().replace(/ ?- ?/g, '-');

  name = foldCase(name);
  if (names.diacritics === 'strip') name = name.normalize('NFD').replace(latinOrGreekMarks, '$1');
  return name.normalize('NFC');
}

/**
 * Folds case as Unicode full case folding does for the letters of names: lower, upper,
 * lower again turns `ß` and `ẞ` into `ss`, and a final sigma becomes an ordinary one.
 */
function foldCase(text: string): string {
  return text.toLowerCase().toUpperCase().toLowerCase().replaceAll('ς', 'σ');
}
