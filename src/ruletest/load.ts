import { errorFinding, type Finding, type PathSegment } from '../findings/index.js';
import { checkAgainstSchema, toHundredths, type RuleSetCatalog, type ScreeningRuleSet } from '../ruleset/index.js';
import { discoverRuleFiles } from '../ruleset/discover.js';
import { checkAnswers } from '../screening/index.js';
import { readYamlFile, type SourceDocument } from '../source/index.js';
import type { PreparedCase, WrittenRuleTestCase, WrittenRuleTests } from './cases.js';

/** The document kind of rule test files. */
export const ruleTestsKind = 'RuleTests';

/**
 * Reads the rule test files under `paths` and skips files of other kinds. Checks each file
 * against its JSON Schema, its answers against the questionnaire and its expectations against
 * the rule set. Returns the cases ready to run, with every finding.
 */
export async function loadRuleTests(
  paths: readonly string[],
  catalog: RuleSetCatalog,
): Promise<{ cases: PreparedCase[]; files: string[]; findings: Finding[] }> {
  const { files, findings } = await discoverRuleFiles(paths);
  const cases: PreparedCase[] = [];
  const testFiles: string[] = [];

  for (const file of files) {
    const parsed = await readYamlFile(file);
    if (!parsed.ok) {
      findings.push(...parsed.findings);
      continue;
    }
    const data = parsed.document.data as { kind?: unknown } | null;
    if (data === null || typeof data !== 'object' || data.kind !== ruleTestsKind) continue;
    testFiles.push(file);

    const schemaFindings = checkAgainstSchema(parsed.document, 'rule-tests-1');
    if (schemaFindings.length > 0) {
      findings.push(...schemaFindings);
      continue;
    }
    const prepared = prepareFile(parsed.document, catalog);
    cases.push(...prepared.cases);
    findings.push(...prepared.findings);
  }
  return { cases, files: testFiles, findings };
}

function prepareFile(document: SourceDocument, catalog: RuleSetCatalog): { cases: PreparedCase[]; findings: Finding[] } {
  const tests = document.data as WrittenRuleTests;
  const cases: PreparedCase[] = [];
  const findings: Finding[] = [];
  const seen = new Set<string>();

  const ruleSet = catalog.screenings.get(tests.questionnaire);
  if (!ruleSet) {
    const where = { file: document.file, path: ['questionnaire'], ...document.locate(['questionnaire']) };
    findings.push(errorFinding('validate:ruletest.unknownQuestionnaire', { reference: tests.questionnaire, known: [...catalog.screenings.keys()] }, where));
    return { cases, findings };
  }

  tests.cases.forEach((written, index) => {
    const path: PathSegment[] = ['cases', index];
    if (seen.has(written.id)) {
      findings.push(errorFinding('validate:ruletest.duplicateCase', { id: written.id }, { file: document.file, path: [...path, 'id'], ...document.locate([...path, 'id']) }));
      return;
    }
    seen.add(written.id);

    const checked = checkAnswers(
      { questionnaire: tests.questionnaire, answers: written.answers, followUps: written.followUps ?? {} },
      catalog,
      { document: caseDocument(document, path) },
    );
    findings.push(...checked.findings.map((finding) => ({ ...finding, ...(finding.path ? { path: casePath(path, finding.path) } : {}) })));
    const expectationFindings = checkExpectation(written, ruleSet, document, path);
    findings.push(...expectationFindings);
    if (!checked.answerSet || !checked.ruleSet || expectationFindings.length > 0) return;

    cases.push({
      file: document.file,
      ...document.locate(path),
      path,
      suite: tests.id,
      id: written.id,
      ...(written.description === undefined ? {} : { description: written.description }),
      answerSet: checked.answerSet,
      ruleSet: checked.ruleSet,
      expect: written.expect,
    });
  });
  return { cases, findings };
}

/**
 * Presents one case as an answers document, so that findings about its answers point at the
 * lines of the case: `answers.x` is read at `cases[i].answers.x`, and `questionnaire` at the
 * file's own `questionnaire`.
 */
function caseDocument(document: SourceDocument, path: PathSegment[]): SourceDocument {
  return {
    file: document.file,
    data: undefined,
    locate: (inner) => document.locate(casePath(path, inner)),
    locateKey: (inner) => document.locateKey(casePath(path, inner)),
  };
}

function casePath(path: PathSegment[], inner: readonly PathSegment[]): PathSegment[] {
  return inner[0] === 'questionnaire' ? [...inner] : [...path, ...inner];
}

function checkExpectation(written: WrittenRuleTestCase, ruleSet: ScreeningRuleSet, document: SourceDocument, path: PathSegment[]): Finding[] {
  const findings: Finding[] = [];
  const at = (code: string, params: Finding['params'], inner: PathSegment[], key = false) => {
    const full = [...path, 'expect', ...inner];
    const position = key ? document.locateKey(full) : document.locate(full);
    findings.push(errorFinding(code, params, { file: document.file, path: full, ...position }));
  };
  const ruleSetName = `${ruleSet.id} ${ruleSet.version}`;
  const indicators = ruleSet.indicators.map((indicator) => indicator.id);
  const carePaths = ruleSet.carePaths.map((carePath) => carePath.id);

  for (const [id, expected] of Object.entries(written.expect.indicators ?? {})) {
    if (!indicators.includes(id)) at('validate:ruletest.unknownIndicator', { id, ruleSet: ruleSetName, allowed: indicators }, ['indicators', id], true);
    if (expected.score !== undefined && toHundredths(expected.score) === undefined) {
      at('validate:ruletest.inexactScore', { value: String(expected.score) }, ['indicators', id, 'score']);
    }
  }
  for (const [id, expected] of Object.entries(written.expect.carePaths ?? {})) {
    if (!carePaths.includes(id)) at('validate:ruletest.unknownCarePath', { id, ruleSet: ruleSetName, allowed: carePaths }, ['carePaths', id], true);
    if (expected.priority !== undefined && !ruleSet.priorities.includes(expected.priority)) {
      at('validate:ruletest.unknownPriority', { value: expected.priority, allowed: ruleSet.priorities }, ['carePaths', id, 'priority']);
    }
    (expected.actions ?? []).forEach((action, index) => {
      if (!ruleSet.actions.includes(action)) at('validate:ruletest.unknownAction', { value: action, ruleSet: ruleSetName }, ['carePaths', id, 'actions', index]);
    });
  }
  return findings;
}
