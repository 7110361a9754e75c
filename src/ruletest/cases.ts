import type { PathSegment } from '../findings/index.js';
import type { AnswerSet, RuleSetStamp, ScreeningResult } from '../screening/index.js';
import type { ScreeningRuleSet } from '../ruleset/index.js';

/** A rule test file as written: the shape `schemas/rule-tests-1.schema.json` accepts. */
export interface WrittenRuleTests {
  kind: 'RuleTests';
  id: string;
  version: string;
  questionnaire: string;
  cases: WrittenRuleTestCase[];
}

export interface WrittenRuleTestCase {
  id: string;
  description?: string;
  answers: Record<string, unknown>;
  followUps?: Record<string, unknown>;
  expect: Expectation;
}

/** The outcome a case must give. Indicators not listed are not compared; `carePaths` is the exact set. */
export interface Expectation {
  indicators?: Record<string, { status?: string; score?: number }>;
  carePaths?: Record<string, { priority?: string; actions?: string[] }>;
}

/** A checked case, ready to run: its answer set, the rule set it tests and where it is written. */
export interface PreparedCase {
  file: string;
  line?: number;
  column?: number;
  /** The YAML path of the case in its file, such as `cases[3]`. */
  path: PathSegment[];
  /** The id of the test file (`RuleTests.id`). */
  suite: string;
  id: string;
  description?: string;
  answerSet: AnswerSet;
  ruleSet: ScreeningRuleSet;
  expect: Expectation;
}

/** A value that differs from what the case expects, at a path such as `indicators.anxiety.status`. */
export interface Mismatch {
  path: string;
  expected: string | number | boolean | string[] | null;
  actual: string | number | boolean | string[] | null;
}

export interface CaseResult {
  file: string;
  line?: number;
  column?: number;
  suite: string;
  id: string;
  description?: string;
  /** The questionnaire version of the answers, as `id@version`. */
  questionnaire: string;
  ruleSet: RuleSetStamp;
  passed: boolean;
  mismatches: Mismatch[];
}

/** A case result together with the screening result it compared, for coverage. */
export interface EvaluatedCase {
  case: PreparedCase;
  result: ScreeningResult;
  outcome: CaseResult;
}
