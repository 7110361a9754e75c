import { looksLikeNationalNumber } from '../access/national-number-guard.js';
import { Engine, type NestedCondition, type RuleProperties } from 'json-rules-engine';
import { errorFinding, type Finding } from '../findings/index.js';
import { addDays, compareCivilDates, formatCivilDate, lastDayOfPeriod, type CivilDate } from '../periods/index.js';
import type { RetentionDateField } from './fields.js';
import { dateAfterAsOfParams, isAfterAsOf, repeatedIds, undeclaredValues } from './record-checks.js';
import type { RetentionRule, RetentionRuleSet } from './rules.js';

/** One record to judge: what data it is, whose, and the dates the rules read. */
export interface RetentionRecord {
  id: string;
  kind: string;
  owner: string;
  /** Dates of the events that happened; a missing date means the event has not happened. */
  dates: Partial<Record<RetentionDateField, CivilDate>>;
  /** The file and position the record was read from, for findings. */
  source?: { file: string; line?: number; column?: number };
}

/** `due`: past its last day; `kept`: on or before its last day; `pending`: no last day yet. */
export type RetentionStatus = 'due' | 'kept' | 'pending';

export interface RetentionDecision {
  id: string;
  kind: string;
  owner: string;
  status: RetentionStatus;
  /** True exactly when the as-of date is after `lastDay`. */
  due: boolean;
  /** The last day the record may be kept, or null while no applicable rule has its date. */
  lastDay: CivilDate | null;
  /** The rule that set `lastDay`: the one with the earliest last day. */
  rule: string | null;
  /** Every rule that applies to the record, in rule-set order. */
  appliedRules: string[];
  /** Applicable rules whose date is still missing, with the field they wait for. */
  waitingFor: { rule: string; field: RetentionDateField }[];
}

export interface RetentionReport {
  asOf: CivilDate;
  ruleSet: { id: string; version: string };
  decisions: RetentionDecision[];
  summary: { total: number; due: number; kept: number; pending: number };
}

export type RetentionOutcome = { ok: true; report: RetentionReport } | { ok: false; findings: Finding[] };

/**
 * Judges each record on `asOf` (a civil date in Europe/Brussels, given by the caller; the
 * library never reads the clock). A record that no rule applies to is a finding, because
 * keeping it forever or deleting it at once would both be a guess. So are a repeated id,
 * an owner or kind that the rule set does not declare, and an event date after `asOf`.
 */
export async function evaluateRetention(records: readonly RetentionRecord[], ruleSet: RetentionRuleSet, asOf: CivilDate): Promise<RetentionOutcome> {
  const decisions: RetentionDecision[] = [];
  const findings: Finding[] = duplicateIdFindings(records);
  records.forEach((record, index) => {
    // Records name people by pseudonym or internal id; a national number is never stored.
    if (looksLikeNationalNumber(record.id)) findings.push(errorFinding('retention:records.nationalNumberId', { index: index + 1 }, record.source ?? {}));
  });

  for (const record of records) {
    const recordFindings = checkRecord(record, ruleSet, asOf);
    if (recordFindings.length > 0) {
      findings.push(...recordFindings);
      continue;
    }

    const appliedRules = await findApplicableRules(record, ruleSet);
    if (appliedRules.length === 0) {
      findings.push(errorFinding('retention:records.noRule', { record: record.id, kind: record.kind, owner: record.owner }, record.source ?? {}));
      continue;
    }
    decisions.push(decide(record, appliedRules, asOf));
  }

  if (findings.length > 0) return { ok: false, findings };
  const count = (status: RetentionStatus) => decisions.filter((decision) => decision.status === status).length;
  return {
    ok: true,
    report: {
      asOf,
      ruleSet: { id: ruleSet.id, version: ruleSet.version },
      decisions,
      summary: { total: decisions.length, due: count('due'), kept: count('kept'), pending: count('pending') },
    },
  };
}

/** Checks what the records file reader checks too, for records that a caller built without it. */
function checkRecord(record: RetentionRecord, ruleSet: RetentionRuleSet, asOf: CivilDate): Finding[] {
  const where = record.source ?? {};
  const findings = undeclaredValues(record, ruleSet.recordValues).map((problem) =>
    errorFinding('retention:records.unknownValue', { record: record.id, ...problem }, where),
  );
  for (const [field, date] of Object.entries(record.dates) as [RetentionDateField, CivilDate][]) {
    if (isAfterAsOf(date, asOf)) findings.push(errorFinding('retention:records.dateAfterAsOf', dateAfterAsOfParams(record.id, field, date, asOf), where));
  }
  return findings;
}

/** Names both positions of a repeated id when the records came from a file, and neither otherwise. */
function duplicateIdFindings(records: readonly RetentionRecord[]): Finding[] {
  return repeatedIds(records.map((record) => record.id)).map(({ index, firstIndex }) => {
    const repeat = records[index]!.source;
    const first = records[firstIndex]!.source;
    if (repeat?.line === undefined || first?.line === undefined) {
      return errorFinding('retention:records.duplicateId', { record: records[index]!.id, context: 'unplaced' }, repeat ?? {});
    }
    const params = { record: records[index]!.id, firstLine: first.line, firstColumn: first.column ?? 0, line: repeat.line, column: repeat.column ?? 0 };
    return errorFinding('retention:records.duplicateId', params, repeat);
  });
}

/**
 * Finds the rules whose `when` holds for a record, with a new json-rules-engine Engine for
 * this record alone: a shared Engine gives wrong outcomes under concurrent runs. Every test
 * is guarded by a `present` test on the same field, because the engine's own `notEqual` and
 * `notIn` are true for a missing field.
 */
async function findApplicableRules(record: RetentionRecord, ruleSet: RetentionRuleSet): Promise<RetentionRule[]> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator('present', (factValue: unknown) => factValue !== undefined && factValue !== null && factValue !== '');
  for (const rule of ruleSet.rules) engine.addRule(compileRule(rule));

  const facts: Record<string, string> = { id: record.id, kind: record.kind, owner: record.owner };
  for (const [field, date] of Object.entries(record.dates)) facts[field] = formatCivilDate(date);

  const { events } = await engine.run(facts);
  const applied = new Set(events.map((event) => String(event.params?.['rule'])));
  return ruleSet.rules.filter((rule) => applied.has(rule.id));
}

function compileRule(rule: RetentionRule): RuleProperties {
  const conditions: NestedCondition[] = [];
  for (const [field, test] of Object.entries(rule.when)) {
    conditions.push({ fact: field, operator: 'present', value: true });
    conditions.push({ fact: field, operator: test.operator, value: test.value });
  }
  return { name: rule.id, conditions: { all: conditions }, event: { type: 'retention-rule-applies', params: { rule: rule.id } } };
}

/** Takes the earliest last day among the applicable rules whose date is known. */
function decide(record: RetentionRecord, appliedRules: RetentionRule[], asOf: CivilDate): RetentionDecision {
  let lastDay: CivilDate | null = null;
  let deciding: string | null = null;
  const waitingFor: RetentionDecision['waitingFor'] = [];

  for (const rule of appliedRules) {
    const event = record.dates[rule.from];
    if (event === undefined) {
      waitingFor.push({ rule: rule.id, field: rule.from });
      continue;
    }
    // `keep: none` makes the record due on the event day itself.
    const ruleLastDay = rule.keep === undefined ? addDays(event, -1) : lastDayOfPeriod(event, rule.keep);
    if (lastDay === null || compareCivilDates(ruleLastDay, lastDay) < 0) {
      lastDay = ruleLastDay;
      deciding = rule.id;
    }
  }

  const due = lastDay !== null && compareCivilDates(asOf, lastDay) > 0;
  let status: RetentionStatus = 'kept';
  if (due) status = 'due';
  else if (lastDay === null) status = 'pending';
  return {
    id: record.id,
    kind: record.kind,
    owner: record.owner,
    status,
    due,
    lastDay,
    rule: deciding,
    appliedRules: appliedRules.map((rule) => rule.id),
    waitingFor,
  };
}
