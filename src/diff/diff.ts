import { errorFinding, formatPath, InputError, type Finding } from '../findings/index.js';
import type { RuleSetCatalog, ScreeningRuleSet } from '../ruleset/index.js';
import { checkAnswers, type RuleSetStamp } from '../screening/index.js';
import type { AnswerRecord, SourceProgress } from './answer-source.js';
import { chooseSideRuleSet, mapAnswerSet, questionnaireReference, type SideChoice } from './mapping.js';
import { compareOutcomes, OutcomeEvaluator, type CarePathChange, type IndicatorChange } from './outcome.js';
import { DiffTally, type CarePathTally, type IndicatorTally } from './tally.js';

export interface DiffOptions {
  base: RuleSetCatalog;
  head: RuleSetCatalog;
  /** The answer sets, read one at a time (see `openAnswerSource`). */
  records: AsyncIterable<AnswerRecord>;
  /** Screens every answer set on the head side with this questionnaire version (`id@version`). */
  headAs?: string;
  /** Screens every answer set on the base side with this questionnaire version. */
  baseAs?: string;
  /** The most changed answer sets listed in the report; all of them are counted. Default 1000. */
  listLimit?: number;
  /** Called every 100 answer sets and at the end. */
  onProgress?: (progress: DiffProgress) => void;
  /** How far the source has been read, passed on to `onProgress`. */
  sourceProgress?: () => SourceProgress;
}

export interface DiffProgress {
  answerSets: number;
  source?: SourceProgress;
}

/** A rule set that screened answer sets on one side, with how many. */
export interface UsedRuleSet extends RuleSetStamp {
  questionnaire: string;
  answerSets: number;
}

/** Answer sets carried over from one questionnaire version to another on one side. */
export interface MappingSummary {
  side: 'base' | 'head';
  from: string;
  to: string;
  answerSets: number;
  /** Items answered in the source version that the target version does not ask. */
  ignoredItems: string[];
}

export interface ChangedAnswerSet {
  /** The file, `file:line`, or the `id` column of a CSV row. */
  answerSet: string;
  file: string;
  line?: number;
  /** The questionnaire version the answers were given for. */
  questionnaire: string;
  base: RuleSetStamp & { questionnaire: string };
  head: RuleSetStamp & { questionnaire: string };
  indicators: IndicatorChange[];
  carePaths: CarePathChange[];
}

export interface DiffReport {
  base: { ruleSets: UsedRuleSet[] };
  head: { ruleSets: UsedRuleSet[] };
  mappings: MappingSummary[];
  answerSets: {
    total: number;
    /** Answer sets with another indicator status or other care paths. */
    changed: number;
    /** Answer sets whose scores differ while statuses and care paths stay the same. */
    scoreOnly: number;
  };
  indicators: IndicatorTally[];
  carePaths: CarePathTally[];
  /** The first `listLimit` changed answer sets, in input order. */
  changed: ChangedAnswerSet[];
  /** True when more answer sets changed than are listed. */
  truncated: boolean;
}

/** Maximum number of findings about invalid answer sets kept for the error report. */
const invalidListLimit = 50;
const progressInterval = 100;

/**
 * Screens every answer set under the base and the head rule sets and reports what changes:
 * per indicator and care path the counts on each side and the changes in each direction, and
 * the answer sets whose outcome changed. The records are read one at a time and only counts
 * and the first `listLimit` changes are kept, so memory does not grow with the input.
 *
 * An answer set is checked against its own questionnaire version (from base when base has it,
 * else from head). Each side screens it with the rule set of that version. A side without it
 * uses its only version of the same questionnaire, unless `headAs` or `baseAs` names one.
 * Answers are carried over by item id (see `mapAnswerSet`). Throws InputError, after reading
 * the whole input, when an answer set is invalid or cannot be carried over.
 */
export async function diffAnswerSets(options: DiffOptions): Promise<DiffReport> {
  checkForcedReference(options.head, options.headAs, '--as');
  checkForcedReference(options.base, options.baseAs, '--base-as');

  const union: RuleSetCatalog = {
    screenings: new Map([...options.head.screenings, ...options.base.screenings]),
    questionnaires: new Map([...options.head.questionnaires, ...options.base.questionnaires]),
  };
  const listLimit = options.listLimit ?? 1000;
  const evaluator = new OutcomeEvaluator();
  const tally = new DiffTally();
  const used = { base: new Map<string, UsedRuleSet>(), head: new Map<string, UsedRuleSet>() };
  const mappings = new Map<string, MappingSummary>();
  const changed: ChangedAnswerSet[] = [];
  const counts = { total: 0, changed: 0, scoreOnly: 0 };
  const invalid = { findings: [] as Finding[], count: 0 };

  const reject = (record: AnswerRecord, findings: readonly Finding[]) => {
    invalid.count += 1;
    for (const finding of findings) if (invalid.findings.length < invalidListLimit) invalid.findings.push(placed(finding, record));
  };

  for await (const record of options.records) {
    counts.total += 1;
    if (counts.total % progressInterval === 0) options.onProgress?.(progressOf(counts.total, options));

    if (record.findings) {
      reject(record, record.findings);
      continue;
    }
    const checked = checkAnswers(record.data, union, { ...(record.document ? { document: record.document } : {}), file: record.file });
    if (!checked.answerSet || !checked.ruleSet) {
      reject(record, checked.findings);
      continue;
    }

    const own = checked.ruleSet;
    const sides = (['base', 'head'] as const).map((side) => {
      const catalog = side === 'base' ? options.base : options.head;
      const chosen = chooseSideRuleSet(catalog, own, side === 'base' ? options.baseAs : options.headAs, side);
      return 'code' in chosen ? [chosen] : mapAnswerSet(checked.answerSet!, own, chosen);
    });
    const [baseChoice, headChoice] = sides as [SideChoice | Finding[], SideChoice | Finding[]];
    if (Array.isArray(baseChoice) || Array.isArray(headChoice)) {
      reject(record, [...(Array.isArray(baseChoice) ? baseChoice : []), ...(Array.isArray(headChoice) ? headChoice : [])]);
      continue;
    }
    // After the first invalid answer set the rest is only checked, because the diff is not printed.
    if (invalid.count > 0) continue;

    for (const [side, choice] of [['base', baseChoice], ['head', headChoice]] as const) {
      countUse(used[side], choice.ruleSet, tally);
      if (choice.mapped) countMapping(mappings, side, choice.mapped);
    }
    const baseOutcome = await evaluator.outcome(baseChoice.ruleSet, baseChoice.answerSet);
    const headOutcome = await evaluator.outcome(headChoice.ruleSet, headChoice.answerSet);
    tally.add(baseOutcome, headOutcome);

    const difference = compareOutcomes(baseOutcome, headOutcome);
    if (!difference.changed) {
      if (difference.indicators.some((change) => change.base.status !== 'absent' && change.head.status !== 'absent')) counts.scoreOnly += 1;
      continue;
    }
    counts.changed += 1;
    if (changed.length < listLimit) {
      changed.push({
        answerSet: record.label,
        file: record.file,
        ...(record.line === undefined ? {} : { line: record.line }),
        questionnaire: questionnaireReference(own),
        base: stampOf(baseChoice.ruleSet),
        head: stampOf(headChoice.ruleSet),
        indicators: difference.indicators,
        carePaths: difference.carePaths,
      });
    }
  }
  options.onProgress?.(progressOf(counts.total, options));

  if (invalid.count > 0) {
    const more = invalid.count > 1 ? [errorFinding('validate:diff.invalidCount', { count: invalid.count })] : [];
    throw new InputError([...invalid.findings, ...more]);
  }
  if (counts.total === 0) throw new InputError([errorFinding('validate:diff.noAnswerSets', {})]);

  return {
    base: { ruleSets: [...used.base.values()] },
    head: { ruleSets: [...used.head.values()] },
    mappings: [...mappings.values()],
    answerSets: counts,
    indicators: tally.indicatorTallies(),
    carePaths: tally.carePathTallies(),
    changed,
    truncated: counts.changed > changed.length,
  };
}

function checkForcedReference(catalog: RuleSetCatalog, reference: string | undefined, option: string): void {
  if (reference === undefined || catalog.screenings.has(reference)) return;
  throw new InputError([errorFinding('validate:diff.unknownAs', { option, reference, known: [...catalog.screenings.keys()] })]);
}

function progressOf(answerSets: number, options: DiffOptions): DiffProgress {
  return { answerSets, ...(options.sourceProgress ? { source: options.sourceProgress() } : {}) };
}

function stampOf(ruleSet: ScreeningRuleSet): RuleSetStamp & { questionnaire: string } {
  return { id: ruleSet.id, version: ruleSet.version, sha256: ruleSet.sha256, questionnaire: questionnaireReference(ruleSet) };
}

function countUse(used: Map<string, UsedRuleSet>, ruleSet: ScreeningRuleSet, tally: DiffTally): void {
  const key = `${ruleSet.sha256}\u0000${questionnaireReference(ruleSet)}`;
  const entry = used.get(key);
  if (entry) {
    entry.answerSets += 1;
    return;
  }
  used.set(key, { ...stampOf(ruleSet), answerSets: 1 });
  tally.declare(
    ruleSet.indicators.map((indicator) => indicator.id),
    ruleSet.carePaths.map((carePath) => carePath.id),
  );
}

function countMapping(mappings: Map<string, MappingSummary>, side: 'base' | 'head', mapped: NonNullable<SideChoice['mapped']>): void {
  const key = `${side}\u0000${mapped.from}\u0000${mapped.to}`;
  const entry = mappings.get(key) ?? { side, from: mapped.from, to: mapped.to, answerSets: 0, ignoredItems: [] };
  entry.answerSets += 1;
  for (const item of mapped.ignoredItems) if (!entry.ignoredItems.includes(item)) entry.ignoredItems.push(item);
  mappings.set(key, entry);
}

/**
 * Places a finding about a record in its source: the file, the line of a JSON-lines or CSV
 * record, and for a CSV row the column of the offending field.
 */
function placed(finding: Finding, record: AnswerRecord): Finding {
  const column = record.columns?.get(formatPath(finding.path));
  const position = finding.line === undefined && finding.path && record.document ? record.document.locate(finding.path) : undefined;
  return {
    ...finding,
    file: finding.file ?? record.file,
    ...position,
    ...(finding.line === undefined && record.line !== undefined ? { line: record.line } : {}),
    ...(finding.column === undefined && column !== undefined ? { column } : {}),
  };
}
