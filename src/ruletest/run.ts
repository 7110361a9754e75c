import { InputError, errorFinding } from '../findings/index.js';
import type { RuleSetCatalog } from '../ruleset/index.js';
import { evaluateScreening, type RuleSetStamp } from '../screening/index.js';
import type { CaseResult, EvaluatedCase } from './cases.js';
import { compareWithExpectation } from './compare.js';
import { ruleTestCoverage, type RuleSetCoverage } from './coverage.js';
import { loadRuleTests } from './load.js';

export interface RuleTestOptions {
  /** Test files or folders; files of other kinds in a folder are skipped. */
  paths: readonly string[];
  /** The rule sets under test. */
  catalog: RuleSetCatalog;
  /** Adds the threshold and care-path coverage of every rule set in the catalog. */
  coverage?: boolean;
}

export interface RuleTestReport {
  files: string[];
  /** Every rule set in the catalog with the questionnaire version it scores, tested or not. */
  ruleSets: (RuleSetStamp & { questionnaire: string })[];
  cases: CaseResult[];
  summary: { passed: number; failed: number };
  coverage?: RuleSetCoverage[];
}

/**
 * Runs the declarative test cases under `paths` against the catalog. Throws InputError with
 * every finding when a test file is invalid (a schema error, an unknown item, option,
 * indicator or care path) or when there are no test cases at all.
 */
export async function runRuleTests(options: RuleTestOptions): Promise<RuleTestReport> {
  const { cases, files, findings } = await loadRuleTests(options.paths, options.catalog);
  if (findings.length > 0) throw new InputError(findings);
  if (cases.length === 0) throw new InputError([errorFinding('validate:ruletest.noCases', { paths: [...options.paths] })]);

  const evaluated: EvaluatedCase[] = [];
  for (const prepared of cases) {
    const result = await evaluateScreening(prepared.ruleSet, prepared.answerSet);
    const mismatches = compareWithExpectation(prepared.expect, result);
    evaluated.push({
      case: prepared,
      result,
      outcome: {
        file: prepared.file,
        ...(prepared.line === undefined ? {} : { line: prepared.line, column: prepared.column ?? 1 }),
        suite: prepared.suite,
        id: prepared.id,
        ...(prepared.description === undefined ? {} : { description: prepared.description }),
        questionnaire: `${result.questionnaire.id}@${result.questionnaire.version}`,
        ruleSet: result.ruleSet,
        passed: mismatches.length === 0,
        mismatches,
      },
    });
  }

  const outcomes = evaluated.map((entry) => entry.outcome);
  const passed = outcomes.filter((outcome) => outcome.passed).length;
  return {
    files,
    ruleSets: [...options.catalog.screenings].map(([questionnaire, ruleSet]) => ({ id: ruleSet.id, version: ruleSet.version, sha256: ruleSet.sha256, questionnaire })),
    cases: outcomes,
    summary: { passed, failed: outcomes.length - passed },
    ...(options.coverage ? { coverage: ruleTestCoverage(options.catalog, evaluated) } : {}),
  };
}
