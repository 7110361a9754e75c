export { runRuleTests, type RuleTestOptions, type RuleTestReport } from './run.js';
export { loadRuleTests, ruleTestsKind } from './load.js';
export { compareWithExpectation } from './compare.js';
export { ruleTestCoverage, type RuleSetCoverage, type IndicatorCoverage, type CarePathCoverage, type CoverageGap, type BoundaryCoverage } from './coverage.js';
export { renderRuleTestJson, renderRuleTestText } from './render.js';
export type { CaseResult, Mismatch, Expectation, PreparedCase, WrittenRuleTests, WrittenRuleTestCase } from './cases.js';
