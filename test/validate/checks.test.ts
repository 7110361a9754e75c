import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog, type ScreeningCheckContext } from '../../src/ruleset/index.js';
import { translationCheck } from '../../src/ruleset/checks/translations.js';
import { readYamlFile } from '../../src/source/index.js';
import { validateRuleFiles } from '../../src/validate/index.js';
import type { WrittenQuestionnaire, WrittenScreeningRules } from '../../src/ruleset/index.js';
import { projectRoot } from '../support/cli.js';

const rulesetsDir = join(projectRoot, 'test', 'fixtures', 'rulesets');

/**
 * One broken copy of the small fixture rule set per check, with the finding it must give.
 * Each fixture differs from `valid/` in one place; the line and column point at that place.
 */
const brokenRuleSets = [
  { fixture: 'schema-error', code: 'schema.type', file: 'rules.yaml', line: 19, column: 25, path: ['indicators', 1, 'threshold', 'value'] },
  { fixture: 'duplicate-id', code: 'rules.duplicateId', file: 'questionnaire.yaml', line: 31, column: 9, path: ['items', 6, 'id'] },
  { fixture: 'unknown-item', code: 'rules.unknownItem', file: 'rules.yaml', line: 34, column: 15, path: ['indicators', 2, 'items', 1, 'item'] },
  { fixture: 'unknown-indicator', code: 'rules.unknownIndicator', file: 'rules.yaml', line: 74, column: 26, path: ['carePaths', 2, 'trigger', 'positive'] },
  { fixture: 'unknown-action', code: 'rules.unknownAction', file: 'rules.yaml', line: 87, column: 34, path: ['carePaths', 3, 'actions', 1] },
  // A condition cannot read the follow-up question of another care path: it is not an item.
  { fixture: 'follow-up-of-other-care-path', code: 'rules.unknownItem', file: 'rules.yaml', line: 88, column: 25, path: ['carePaths', 3, 'escalations', 0, 'when', 'answer'] },
  { fixture: 'option-without-points', code: 'rules.optionWithoutPoints', file: 'rules.yaml', line: 43, column: 17, path: ['indicators', 3, 'items', 0, 'points'] },
  { fixture: 'threshold-unreachable', code: 'validate:checks.thresholdUnreachable', file: 'rules.yaml', line: 39, column: 25, path: ['indicators', 3, 'threshold', 'value'] },
  { fixture: 'threshold-always-reached', code: 'validate:checks.thresholdAlwaysReached', file: 'rules.yaml', line: 19, column: 25, path: ['indicators', 1, 'threshold', 'value'] },
  { fixture: 'item-not-scored', code: 'validate:checks.itemNotScored', file: 'questionnaire.yaml', line: 31, column: 9, path: ['items', 6, 'id'], severity: 'warning' },
  { fixture: 'care-path-never-triggers', code: 'validate:checks.carePathNeverTriggers', file: 'rules.yaml', line: 96, column: 14, path: ['carePaths', 4, 'trigger'] },
  { fixture: 'care-path-contradiction', code: 'validate:checks.carePathNeverTriggers', file: 'rules.yaml', line: 86, column: 7, path: ['carePaths', 3, 'trigger'] },
  { fixture: 'enable-later', code: 'rules.enableLater', file: 'questionnaire.yaml', line: 18, column: 27, path: ['items', 1, 'enableWhen', 'answer'] },
  { fixture: 'enable-self', code: 'rules.enableSelf', file: 'questionnaire.yaml', line: 18, column: 27, path: ['items', 1, 'enableWhen', 'answer'] },
  { fixture: 'points-out-of-range', code: 'rules.outOfRange', file: 'rules.yaml', line: 26, column: 45, path: ['indicators', 1, 'items', 1, 'points', 'none'] },
  { fixture: 'threshold-out-of-range', code: 'rules.outOfRange', file: 'rules.yaml', line: 29, column: 25, path: ['indicators', 2, 'threshold', 'value'] },
  { fixture: 'unknown-category', code: 'rules.unknownCategory', file: 'questionnaire.yaml', line: 29, column: 15, path: ['items', 5, 'category'] },
  { fixture: 'identification-category-missing', code: 'validate:checks.identificationCategoryMissing', file: 'questionnaire.yaml', line: 6, column: 13, path: ['categories'] },
  { fixture: 'missing-translation', code: 'validate:translation.item', file: 'questionnaire.yaml', line: 31, column: 9, path: ['items', 6, 'id'] },
] as const;

/** Findings of a fixture other than the count of provisional values, which every fixture has. */
async function findingsOf(fixture: string) {
  const report = await validateRuleFiles({ paths: [join(rulesetsDir, fixture)] });
  return report.findings.filter((finding) => finding.code !== 'validate:provenance.remaining');
}

describe('semantic checks on broken rule sets', () => {
  it('valid fixture has no findings', async () => {
    expect(await findingsOf('valid')).toEqual([]);
  });

  it.each(brokenRuleSets)('$fixture gives $code', async ({ fixture, code, file, line, column, path, ...rest }) => {
    const findings = await findingsOf(fixture);
    const finding = findings.find((candidate) => candidate.code === code);

    expect(finding, JSON.stringify(findings)).toBeDefined();
    expect(finding!.file).toBe(join(rulesetsDir, fixture, file));
    expect(finding!.line).toBe(line);
    expect(finding!.column).toBe(column);
    expect(finding!.path).toEqual(path);
    expect(finding!.severity).toBe('severity' in rest ? rest.severity : 'error');
  });

  it('threshold unreachable names the highest score', async () => {
    const [finding] = (await findingsOf('threshold-unreachable')).filter((entry) => entry.code === 'validate:checks.thresholdUnreachable');
    expect(finding!.params).toEqual({ indicator: 'domestic_violence', threshold: 5, highest: 4 });
  });

  it('unreachable threshold also blocks its care path', async () => {
    const codes = (await findingsOf('threshold-unreachable')).map((finding) => finding.code);
    expect(codes).toEqual(['validate:checks.thresholdUnreachable', 'validate:checks.carePathNeverTriggers']);
  });

  it('option without points reports nothing else', async () => {
    const codes = (await findingsOf('option-without-points')).map((finding) => finding.code);
    expect(codes).toEqual(['rules.optionWithoutPoints']);
  });

  it('missing translation names each language and key', async () => {
    const findings = (await findingsOf('missing-translation')).filter((finding) => finding.code === 'validate:translation.item');
    expect(findings.map((finding) => finding.params['locale'])).toEqual(['nl', 'fr', 'de', 'en']);
    expect(findings[0]!.params['keys']).toEqual([
      'questionnaire:items.coercive_control.question',
      'questionnaire:items.coercive_control.options.no',
      'questionnaire:items.coercive_control.options.yes',
    ]);
  });

  it('shipped rule sets pass every check', async () => {
    const { catalog, findings } = await loadCatalog();
    expect(findings).toEqual([]);
    expect(catalog?.screenings.size).toBe(2);
  });
});

describe('translation check', () => {
  async function fixtureContext(fixture: string): Promise<ScreeningCheckContext> {
    const read = async (name: string) => {
      const parsed = await readYamlFile(join(rulesetsDir, fixture, name));
      if (!parsed.ok) throw new Error(`fixture ${name} does not parse`);
      return parsed.document;
    };
    const questionnaireDocument = await read('questionnaire.yaml');
    const rulesDocument = await read('rules.yaml');
    return {
      questionnaire: questionnaireDocument.data as WrittenQuestionnaire,
      questionnaireDocument,
      rules: rulesDocument.data as WrittenScreeningRules,
      rulesDocument,
    };
  }

  /** Copies the shipped locales and removes one key from one language. */
  function localesWithout(locale: string, namespace: string, path: string[]): string {
    const dir = mkdtempSync(join(tmpdir(), 'bib-locales-'));
    cpSync(join(projectRoot, 'locales'), dir, { recursive: true });
    const file = join(dir, locale, `${namespace}.json`);
    const texts = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    let node = texts;
    for (const segment of path.slice(0, -1)) node = node[segment] as Record<string, unknown>;
    delete node[path.at(-1)!];
    writeFileSync(file, JSON.stringify(texts));
    return dir;
  }

  it('key missing in nl only', async () => {
    const dir = localesWithout('nl', 'screening', ['actions', 'safety_plan_today']);
    const findings = translationCheck(dir).run(await fixtureContext('valid'));

    expect(findings).toHaveLength(1);
    expect(findings[0]!.code).toBe('validate:translation.action');
    expect(findings[0]!.params).toEqual({ id: 'safety_plan_today', locale: 'nl', keys: ['screening:actions.safety_plan_today'] });
    expect(findings[0]!.path).toEqual(['actions', 7]);
    expect(findings[0]!.line).toBe(55);
  });

  it('empty text counts as missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bib-locales-'));
    cpSync(join(projectRoot, 'locales'), dir, { recursive: true });
    const file = join(dir, 'fr', 'screening.json');
    const texts = JSON.parse(readFileSync(file, 'utf8')) as { carePaths: Record<string, { name: string }> };
    texts.carePaths['social_network']!.name = ' ';
    writeFileSync(file, JSON.stringify(texts));

    const findings = translationCheck(dir).run(await fixtureContext('valid'));
    expect(findings.map((finding) => [finding.code, finding.params['locale'], finding.params['keys']])).toEqual([
      ['validate:translation.carePath', 'fr', ['screening:carePaths.social_network.name']],
    ]);
  });

  it('missing language folder is one finding', async () => {
    const findings = translationCheck(join(projectRoot, 'locales'), ['nl', 'xx']).run(await fixtureContext('valid'));
    expect(findings.map((finding) => [finding.code, finding.params['locale']])).toEqual([['validate:translation.localeUnreadable', 'xx']]);
  });
});
