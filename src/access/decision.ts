import { InputError, errorFinding } from '../findings/index.js';
import { civilDateAt, compareCivilDates, formatCivilDate, lastDayOfPeriod, parseCivilDate, parsePeriod, type CivilDate } from '../periods/index.js';
import { accessFactCatalogue, deriveAccessFacts, isAccessFactName, type AccessEndKind, type AccessFacts } from './facts.js';
import type { AccessRequest } from './request.js';
import { checkAccessRequest } from './request-check.js';
import type { AccessCondition, AccessEffect, AccessMode, AccessRule, AccessRuleSet } from './rule-set.js';
import { runAccessRules } from './rules-engine.js';

/** One reason of a decision: a rule that held, or `no-permit` when none granted access. */
export interface AccessReason {
  /** Reason code; its text is `access:reason.<code>`. */
  code: string;
  effect: AccessEffect;
  /**
   * Fact values and the last day of each period the rule tested (`<fact>LastDay`), as text.
   * In an allowed decision also `accessLastDay` and `accessEnd`, as on the decision.
   */
  params: Record<string, string>;
}

export interface AccessDecision {
  decision: 'allow' | 'deny';
  /** Present only when access is allowed. */
  mode?: AccessMode;
  /**
   * The last day (`YYYY-MM-DD`, Europe/Brussels, inclusive) of an allowed access: the earliest
   * last day of the running periods that limit the access right, such as the care relationship
   * and a partner organisation's notice. Absent when access is denied, and when no rule that
   * held tests such a period.
   */
  lastDay?: string;
  /**
   * Whether a new access or registration can move `lastDay` (`renewable`) or not (`fixed`).
   * Present with `lastDay`.
   */
  accessEnd?: AccessEndKind;
  /** Every reason that applied, in the order of the rules file. */
  reasons: AccessReason[];
  professional: string;
  /** Pseudonym of the dossier. */
  dossier: string;
  /** The instant of the decision, in ISO 8601 UTC. */
  at: string;
  ruleSet: { id: string; version: string; hash: string };
}

/**
 * The record of one decision, handed to the host's audit sink. It contains identifiers and
 * reason codes only: the dossier appears by its pseudonym, never by a national number.
 */
export interface AccessAuditEvent {
  type: 'access-decision';
  at: string;
  professional: string;
  organisation?: string;
  dossier: string;
  decision: 'allow' | 'deny';
  mode?: AccessMode;
  reasons: string[];
  /**
   * The rule set by id and version. The content hash stays out because a hex hash may hold
   * eleven digits in a row, which an audit check for national numbers cannot tell apart.
   */
  ruleSet: { id: string; version: string };
}

/** Receives every audit event; a sink that throws or rejects makes the decision fail. */
export type AccessAuditSink = (event: AccessAuditEvent) => void | Promise<void>;

export interface DecideAccessOptions {
  ruleSet: AccessRuleSet;
  /** The current instant; the library never reads the clock. */
  now: Date;
  audit: AccessAuditSink;
}

/** Reason code of a denial when no permit rule held and no deny rule explains why. */
export const noPermitReason = 'no-permit';

/**
 * Decides whether a professional may access a dossier now, and in which mode. Access is
 * allowed only when a permit rule holds and no deny rule does. The audit sink receives the
 * event before the decision is returned, for allowed and denied access alike.
 * Throws InputError (with every finding) for an invalid request or an invalid `now`.
 */
export async function decideAccess(request: AccessRequest, options: DecideAccessOptions): Promise<AccessDecision> {
  const { ruleSet, now, audit } = options;
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new InputError([errorFinding('access:request.invalidNow', { value: String(now) })]);
  }
  const findings = checkAccessRequest(request);
  if (findings.length > 0) throw new InputError(findings);

  const today = civilDateAt(now);
  const facts = deriveAccessFacts(request, now);
  const fired = await runAccessRules(ruleSet, facts, today);
  const decision = combine(fired, facts, today, request, now, ruleSet);

  await audit(auditEventOf(decision, request));
  return decision;
}

function combine(
  fired: AccessRule[],
  facts: AccessFacts,
  today: CivilDate,
  request: AccessRequest,
  now: Date,
  ruleSet: AccessRuleSet,
): AccessDecision {
  const reasons = fired.map((rule) => ({ code: rule.id, effect: rule.effect, params: reasonParams(rule, facts) }));
  const permitted = fired.some((rule) => rule.effect === 'permit');
  const denied = fired.some((rule) => rule.effect === 'deny');
  if (!permitted && !denied) reasons.push({ code: noPermitReason, effect: 'deny', params: { ...facts } });

  const restriction = fired.find((rule) => rule.effect === 'restrict' && rule.mode !== undefined);
  const allowed = permitted && !denied;
  // Every reason of an allowed access carries the same `accessLastDay`, so the texts that name it agree.
  const end = allowed ? earliestAccessEnd(fired, facts, today) : undefined;
  if (end) {
    for (const reason of reasons) Object.assign(reason.params, { accessLastDay: end.lastDay, accessEnd: end.kind });
  }

  return {
    decision: allowed ? 'allow' : 'deny',
    ...(allowed ? { mode: restriction?.mode ?? 'read-write' } : {}),
    ...(end ? { lastDay: end.lastDay, accessEnd: end.kind } : {}),
    reasons,
    professional: request.professional.id,
    dossier: request.dossier.pseudonym,
    at: now.toISOString(),
    ruleSet: { id: ruleSet.id, version: ruleSet.version, hash: ruleSet.hash },
  };
}

/** Collects the fact values and the last day of every period the rule tests, for the reason's text. */
function reasonParams(rule: AccessRule, facts: AccessFacts): Record<string, string> {
  const params: Record<string, string> = { ...facts };
  for (const condition of periodConditions(rule.when)) {
    const span = periodSpan(condition, facts);
    if (span) params[`${condition.fact}LastDay`] = formatCivilDate(span.lastDay);
  }
  return params;
}

/**
 * Finds the earliest last day among the periods that limit the access right and run today, in
 * the permit and notice rules that held. A period that does not run today sits in an `any`
 * branch that did not hold, so it is skipped. On a tie the fixed end wins, because a new
 * access or registration would not move it.
 */
function earliestAccessEnd(fired: AccessRule[], facts: AccessFacts, today: CivilDate): { lastDay: string; kind: AccessEndKind } | undefined {
  let earliest: { lastDay: CivilDate; kind: AccessEndKind } | undefined;

  for (const rule of fired) {
    if (rule.effect !== 'permit' && rule.effect !== 'notice') continue;
    for (const condition of periodConditions(rule.when)) {
      if (condition.operator !== 'periodRunning' || !isAccessFactName(condition.fact)) continue;
      const definition = accessFactCatalogue[condition.fact];
      const kind = 'accessEnd' in definition ? definition.accessEnd : 'none';
      const span = periodSpan(condition, facts);
      if (kind === 'none' || !span) continue;
      if (compareCivilDates(span.event, today) > 0 || compareCivilDates(today, span.lastDay) > 0) continue;

      const order = earliest === undefined ? -1 : compareCivilDates(span.lastDay, earliest.lastDay);
      if (order < 0 || (order === 0 && kind === 'fixed')) earliest = { lastDay: span.lastDay, kind };
    }
  }
  return earliest && { lastDay: formatCivilDate(earliest.lastDay), kind: earliest.kind };
}

type PeriodCondition = Extract<AccessCondition, { operator: 'periodRunning' | 'periodOver' }>;

function periodConditions(condition: AccessCondition): PeriodCondition[] {
  if ('all' in condition) return condition.all.flatMap(periodConditions);
  if ('any' in condition) return condition.any.flatMap(periodConditions);
  if (condition.operator === 'periodRunning' || condition.operator === 'periodOver') return [condition];
  return [];
}

/** Returns the event date and the last day of the period a condition tests, when the fact has a date. */
function periodSpan(condition: PeriodCondition, facts: AccessFacts): { event: CivilDate; lastDay: CivilDate } | undefined {
  const value = facts[condition.fact as keyof AccessFacts];
  const event = value === undefined ? undefined : parseCivilDate(value);
  const period = parsePeriod(condition.period);
  if (!event || !period) return undefined;
  return { event, lastDay: lastDayOfPeriod(event, period) };
}

function auditEventOf(decision: AccessDecision, request: AccessRequest): AccessAuditEvent {
  const organisation = request.professional.organisation?.id;
  return {
    type: 'access-decision',
    at: decision.at,
    professional: decision.professional,
    ...(organisation !== undefined ? { organisation } : {}),
    dossier: decision.dossier,
    decision: decision.decision,
    ...(decision.mode ? { mode: decision.mode } : {}),
    reasons: decision.reasons.map((reason) => reason.code),
    ruleSet: { id: decision.ruleSet.id, version: decision.ruleSet.version },
  };
}
