import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/findings/index.js';
import { addDays, compareCivilDates, formatCivilDate, parseCivilDate, type CivilDate } from '../../src/periods/index.js';
import {
  checkRetentionRecords,
  checkRetentionRules,
  evaluateRetention,
  loadRetentionRules,
  readRetentionRecords,
  retentionDateFields,
  retentionRecordsSchemaFile,
  type RetentionDecision,
  type RetentionRecord,
  type RetentionRuleSet,
} from '../../src/retention/index.js';
import { parseYamlText } from '../../src/source/index.js';
import { projectRoot } from '../support/cli.js';

const fixtures = join(projectRoot, 'test', 'fixtures', 'retention');
let ruleSet: RetentionRuleSet;

beforeAll(async () => {
  ruleSet = await loadRetentionRules();
});

function date(text: string): CivilDate {
  const parsed = parseCivilDate(text);
  if (!parsed) throw new Error(`not a date: ${text}`);
  return parsed;
}

/** Builds records from the flat form of the files: id, kind, owner and date fields as text. */
function recordsFromYaml(text: string): RetentionRecord[] {
  const parsed = parseYamlText(`kind: RetentionRecords\nversion: "1"\nrecords:\n${text}`, 'records.yaml');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.findings));
  const checked = checkRetentionRecords(parsed.document);
  if (!checked.ok) throw new Error(JSON.stringify(checked.findings));
  return checked.records;
}

async function decide(records: RetentionRecord[], asOf: string, rules: RetentionRuleSet = ruleSet): Promise<RetentionDecision[]> {
  const outcome = await evaluateRetention(records, rules, date(asOf));
  if (!outcome.ok) expect.fail(`expected decisions, got ${JSON.stringify(outcome.findings)}`);
  return outcome.report.decisions;
}

function rulesFromYaml(text: string): RetentionRuleSet {
  const recordValues = 'recordValues:\n  owner: [woman, professional, partner]\n  kind: [identification, health, dossier_access, user_access]\n';
  const parsed = parseYamlText(`kind: RetentionRules\nid: test-rules\nversion: "1.0.0"\n${recordValues}rules:\n${text}`, 'rules.yaml');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.findings));
  return checkRetentionRules(parsed.document);
}

interface PeriodCase {
  name: string;
  record: Record<string, string>;
  lastDay: string;
  deletableFrom: string;
  fault: string;
}

function periodCases(): PeriodCase[] {
  const file = join(fixtures, 'period-cases.yaml');
  const parsed = parseYamlText(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.findings));
  return (parsed.document.data as { cases: PeriodCase[] }).cases;
}

describe('retention period cases', () => {
  it.each(periodCases().map((entry) => [entry.name, entry]))('%s', async (_name, entry) => {
    const records = recordsFromYaml(`  - ${JSON.stringify(entry.record)}\n`);

    const onLastDay = await decide(records, entry.lastDay);
    expect(onLastDay[0]?.lastDay, entry.fault).toEqual(date(entry.lastDay));
    expect(onLastDay[0]?.status).toBe('kept');

    const nextDay = await decide(records, entry.deletableFrom);
    expect(nextDay[0]?.status).toBe('due');
    expect(nextDay[0]?.due).toBe(true);
  });
});

describe('retention decisions', () => {
  it('has no last day while open', async () => {
    const [decision] = await decide(recordsFromYaml('  - { id: w-1, kind: health, owner: woman }\n'), '2090-01-01');
    expect(decision).toMatchObject({ status: 'pending', due: false, lastDay: null, rule: null });
    expect(decision?.waitingFor).toEqual([
      { rule: 'woman-data', field: 'accountClosedOn' },
      { rule: 'woman-erasure-request', field: 'erasureRequestedOn' },
    ]);
  });

  it('makes an erasure request due at once', async () => {
    const withoutRequest = recordsFromYaml('  - { id: w-1, kind: health, owner: woman, accountClosedOn: "2024-01-10" }\n');
    const dayBefore = await decide(withoutRequest, '2025-05-19');
    expect(dayBefore[0]).toMatchObject({ status: 'kept', rule: 'woman-data' });

    const records = recordsFromYaml('  - { id: w-1, kind: health, owner: woman, accountClosedOn: "2024-01-10", erasureRequestedOn: "2025-05-20" }\n');
    const onRequestDay = await decide(records, '2025-05-20');
    expect(onRequestDay[0]).toMatchObject({ status: 'due', rule: 'woman-erasure-request', lastDay: date('2025-05-19') });
  });

  it('erases data of an open account', async () => {
    const records = recordsFromYaml('  - { id: w-1, kind: identification, owner: woman, erasureRequestedOn: "2025-05-20" }\n');
    const [decision] = await decide(records, '2025-05-20');
    expect(decision).toMatchObject({ status: 'due', due: true });
  });

  it('keeps the earlier closure date', async () => {
    const records = recordsFromYaml('  - { id: w-1, kind: identification, owner: woman, accountClosedOn: "2020-01-10", erasureRequestedOn: "2027-01-12" }\n');
    const [decision] = await decide(records, '2027-01-12');
    expect(decision).toMatchObject({ status: 'due', rule: 'woman-data', lastDay: date('2027-01-10') });
  });

  it('keeps dates of a frozen dossier', async () => {
    const plain = await decide(recordsFromYaml('  - { id: w-1, kind: health, owner: woman, accountClosedOn: "2024-02-29" }\n'), '2031-02-28');
    const frozen = await decide(recordsFromYaml('  - { id: w-1, kind: health, owner: woman, accountClosedOn: "2024-02-29", frozenOn: "2023-06-01" }\n'), '2031-02-28');
    expect(frozen).toEqual(plain);

    const frozenOpen = await decide(recordsFromYaml('  - { id: w-2, kind: health, owner: woman, frozenOn: "2023-06-01" }\n'), '2090-01-01');
    expect(frozenOpen[0]).toMatchObject({ status: 'pending', due: false });
  });

  it('ignores erasure for a professional', async () => {
    const records = recordsFromYaml('  - { id: p-1, kind: identification, owner: professional, accountClosedOn: "2025-06-30", erasureRequestedOn: "2025-01-01" }\n');
    const [decision] = await decide(records, '2026-01-01');
    expect(decision).toMatchObject({ status: 'kept', rule: 'professional-identification', appliedRules: ['professional-identification'] });
  });

  it('rejects a record without a rule', async () => {
    const records = recordsFromYaml('  - { id: x-1, kind: dossier_access, owner: woman, accountClosedOn: "2024-01-01" }\n');
    const outcome = await evaluateRetention(records, ruleSet, date('2030-01-01'));
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? [] : outcome.findings).toMatchObject([{ code: 'retention:records.noRule', file: 'records.yaml', line: 4, params: { record: 'x-1', kind: 'dossier_access' } }]);
  });

  it('counts the summary', async () => {
    const records = recordsFromYaml(
      '  - { id: a, kind: health, owner: woman, accountClosedOn: "2010-01-01" }\n' +
        '  - { id: b, kind: health, owner: woman, accountClosedOn: "2024-01-01" }\n' +
        '  - { id: c, kind: health, owner: woman }\n',
    );
    const outcome = await evaluateRetention(records, ruleSet, date('2025-01-01'));
    if (!outcome.ok) expect.fail(JSON.stringify(outcome.findings));
    expect(outcome.report.summary).toEqual({ total: 3, due: 1, kept: 1, pending: 1 });
  });
});

describe('retention conditions', () => {
  it('built-in notEqual fires on a missing fact', async () => {
    // The fault the guard exists for, shown on json-rules-engine 7 alone.
    const engine = new Engine([], { allowUndefinedFacts: true });
    engine.addRule({ conditions: { all: [{ fact: 'frozenOn', operator: 'notEqual', value: '2025-01-01' }] }, event: { type: 'fired' } });
    const { events } = await engine.run({});
    expect(events).toHaveLength(1);
  });

  it('never fires on a missing field', async () => {
    const rules = rulesFromYaml(
      '  - { id: not-frozen-on-new-year, when: { frozenOn: { notEqual: "2025-01-01" } }, from: accountClosedOn, keep: P1Y, provenance: provisional }\n' +
        '  - { id: not-a-professional, when: { frozenOn: { notIn: ["2025-01-01"] } }, from: accountClosedOn, keep: P2Y, provenance: provisional }\n' +
        '  - { id: fallback, when: { owner: woman }, from: accountClosedOn, keep: P9Y, provenance: provisional }\n',
    );
    const withoutField = await decide(recordsFromYaml('  - { id: w-1, kind: health, owner: woman, accountClosedOn: "2020-01-01" }\n'), '2021-01-01', rules);
    expect(withoutField[0]?.appliedRules).toEqual(['fallback']);

    const withField = await decide(
      recordsFromYaml('  - { id: w-1, kind: health, owner: woman, accountClosedOn: "2020-01-01", frozenOn: "2019-05-05" }\n'),
      '2021-01-01',
      rules,
    );
    expect(withField[0]?.appliedRules).toEqual(['not-frozen-on-new-year', 'not-a-professional', 'fallback']);
  });

  it('gives the same outcome concurrently', async () => {
    const records = recordsFromYaml(
      Array.from({ length: 64 }, (_, index) => {
        const owner = ['woman', 'professional', 'partner'][index % 3];
        const kind = ['health', 'dossier_access', 'user_access'][index % 3];
        const field = ['accountClosedOn', 'lastAccessOn', 'letterReceivedOn'][index % 3];
        return `  - { id: r-${index}, kind: ${kind}, owner: ${owner}, ${field}: "${formatCivilDate(addDays(date('2024-01-01'), index * 17))}" }\n`;
      }).join(''),
    );
    const sequential: RetentionDecision[] = [];
    for (const record of records) sequential.push(...(await decide([record], '2027-06-01')));
    const concurrent = (await Promise.all(records.map((record) => decide([record], '2027-06-01')))).flat();
    expect(concurrent).toEqual(sequential);
  });
});

describe('retention properties', () => {
  const dateArbitrary = fc.integer({ min: 0, max: 60_000 }).map((offset) => addDays({ year: 1950, month: 1, day: 1 }, offset));
  const periodArbitrary = fc.record({ years: fc.integer({ min: 0, max: 30 }), months: fc.integer({ min: 0, max: 40 }), days: fc.integer({ min: 0, max: 400 }) });
  // Days from the event to the as-of date: an event after the as-of date is rejected, see below.
  const daysAfterEvent = fc.integer({ min: 0, max: 20_000 });

  it('never ends before the event', async () => {
    await fc.assert(
      fc.asyncProperty(dateArbitrary, periodArbitrary, daysAfterEvent, async (event, period, offset) => {
        const asOf = addDays(event, offset);
        const keep = `P${period.years}Y${period.months}M${period.days}D`;
        const rules = rulesFromYaml(`  - { id: any, when: { owner: woman }, from: accountClosedOn, keep: ${keep}, provenance: provisional }\n`);
        const [decision] = await decide(recordsFromYaml(`  - { id: w, kind: health, owner: woman, accountClosedOn: "${formatCivilDate(event)}" }\n`), formatCivilDate(asOf), rules);
        expect(compareCivilDates(decision!.lastDay!, event)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('is due exactly after the last day', async () => {
    await fc.assert(
      fc.asyncProperty(dateArbitrary, fc.constantFrom('woman', 'professional', 'partner'), daysAfterEvent, async (event, owner, offset) => {
        const asOf = addDays(event, offset);
        const kind = { woman: 'identification', professional: 'dossier_access', partner: 'user_access' }[owner];
        const field = { woman: 'accountClosedOn', professional: 'lastAccessOn', partner: 'letterReceivedOn' }[owner];
        const records = recordsFromYaml(`  - { id: r, kind: ${kind}, owner: ${owner}, ${field}: "${formatCivilDate(event)}" }\n`);
        const [decision] = await decide(records, formatCivilDate(asOf));
        expect(decision!.due).toBe(compareCivilDates(asOf, decision!.lastDay!) > 0);
        expect(decision!.status).toBe(decision!.due ? 'due' : 'kept');
      }),
      { numRuns: 300 },
    );
  });

  it('rejects every event after as-of', async () => {
    await fc.assert(
      fc.asyncProperty(dateArbitrary, fc.constantFrom(...retentionDateFields), fc.integer({ min: 1, max: 20_000 }), async (asOf, field, offset) => {
        const event = formatCivilDate(addDays(asOf, offset));
        const records = recordsFromYaml(`  - { id: r, kind: health, owner: woman, ${field}: "${event}" }\n`);
        const outcome = await evaluateRetention(records, ruleSet, asOf);
        expect(outcome.ok ? [] : outcome.findings.map((finding) => [finding.code, finding.params['field'], finding.params['date']])).toEqual([
          ['retention:records.dateAfterAsOf', field, event],
        ]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('retention records file', () => {
  it('rejects bad dates with record and field', async () => {
    const file = join(fixtures, 'bad-dates.yaml');
    const outcome = await readRetentionRecords(file);
    expect(outcome.ok).toBe(false);
    const findings = outcome.ok ? [] : outcome.findings;
    expect(findings.map((finding) => [finding.code, finding.params['record'], finding.params['field'], finding.line, finding.column])).toEqual([
      ['retention:records.badDate', 'w-impossible', 'accountClosedOn', 7, 22],
      ['retention:records.badDate', 'w-day-first', 'accountClosedOn', 11, 22],
      ['retention:records.badDate', 'w-empty', 'erasureRequestedOn', 15, 25],
    ]);
    expect(findings.every((finding) => finding.file === file)).toBe(true);
  });

  it('rejects a wrong shape', async () => {
    const outcome = await readRetentionRecords(join(fixtures, 'bad-shape.yaml'));
    const findings = outcome.ok ? [] : outcome.findings;
    expect(findings.map((finding) => [finding.code, finding.params['record'], finding.params['field'], finding.line])).toEqual([
      ['retention:records.wrongType', 'w-number-date', 'accountClosedOn', 7],
      ['retention:records.missingField', '#2', 'id', 8],
      ['retention:records.unknownField', '#2', 'closedOn', 10],
    ]);
  });

  it('rejects a file without its kind', () => {
    const parsed = parseYamlText('records: []\n', 'records.yaml');
    if (!parsed.ok) expect.fail('fixture does not parse');
    const outcome = checkRetentionRecords(parsed.document);
    expect(outcome.ok ? [] : outcome.findings.map((finding) => [finding.code, finding.params['context']])).toEqual([
      ['retention:records.missingField', 'file'],
      ['retention:records.missingField', 'file'],
    ]);
  });

  it('leaves the data unchanged', () => {
    const parsed = parseYamlText('kind: RetentionRecords\nversion: "1"\nrecords:\n  - { id: w, kind: health, owner: woman }\n', 'records.yaml');
    if (!parsed.ok) expect.fail('fixture does not parse');
    const before = structuredClone(parsed.document.data);
    const outcome = checkRetentionRecords(parsed.document);
    expect(parsed.document.data).toEqual(before);
    expect(outcome.ok && outcome.records[0]?.dates).toEqual({});
  });

  it('reads unquoted ISO dates as text', () => {
    expect(recordsFromYaml('  - { id: w, kind: health, owner: woman, accountClosedOn: 2024-02-29 }\n')[0]?.dates).toEqual({ accountClosedOn: date('2024-02-29') });
  });
});

describe('retention schema and rules', () => {
  const schemaText = readFileSync(retentionRecordsSchemaFile, 'utf8');
  const schema = JSON.parse(schemaText) as { $id: string; definitions: { record: { properties: Record<string, { $ref?: string }> } } };

  it('pins the records schema', () => {
    // Changing the schema changes the records format: update this hash together with `$id`
    // and the format version when the change is intended.
    expect(schema.$id).toBe('https://bib-core.invalid/schemas/retention-records.schema.json');
    expect(createHash('sha256').update(schemaText).digest('hex')).toBe(PINNED_SCHEMA_SHA256);
  });

  it('holds no default values', () => {
    expect(schemaText).not.toContain('"default"');
  });

  it('lists the same date fields', () => {
    const dateFields = Object.entries(schema.definitions.record.properties)
      .filter(([, property]) => property.$ref === '#/definitions/date')
      .map(([name]) => name);
    expect(dateFields).toEqual([...retentionDateFields]);
  });

  it('loads the shipped rules', () => {
    expect(ruleSet.id).toBe('bib-retention-rules');
    expect(ruleSet.rules.map((rule) => [rule.id, rule.keepText])).toEqual([
      ['woman-data', 'P7Y'],
      ['woman-erasure-request', 'none'],
      ['professional-identification', 'P3Y'],
      ['professional-dossier-access', 'P15M'],
      ['partner-user-access', 'P1M'],
    ]);
  });

  it('rejects a bad period', () => {
    expect(() => rulesFromYaml('  - { id: a, when: { owner: woman }, from: accountClosedOn, keep: P7, provenance: provisional }\n')).toThrow(InputError);
    expect(() => rulesFromYaml('  - { id: a, when: { owner: woman }, from: closedOn, keep: P7Y, provenance: provisional }\n')).toThrow(InputError);
  });

  it('rejects duplicate rule ids', () => {
    const rule = '  - { id: a, when: { owner: woman }, from: accountClosedOn, keep: P7Y, provenance: provisional }\n';
    expect(() => rulesFromYaml(rule + rule)).toThrow(InputError);
  });
});

const PINNED_SCHEMA_SHA256 = '779deeb730bd5fef7fd7539f44a12607c1dbc45e09c722be7795eab0dd455f39';
