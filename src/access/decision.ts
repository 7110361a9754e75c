import { InputError, errorFinding } from '../findings/index.js';
import { civilDateAt, formatCivilDate, lastDayOfPeriod, parseCivilDate, parsePeriod } from '../periods/index.js';
import { deriveAccessFacts, type AccessFacts } from './facts.js';
import type { AccessRequest } from './request.js';
import { checkAccessRequest } from './request-check.js';
import type { AccessCondition, AccessEffect, AccessMode, AccessRule, AccessRuleSet } from './rule-set.js';
import { runAccessRules } from './rules-engine.js';

/** One reason of a decision: a rule that held, or `no-permit` when none granted access. */
export interface AccessReason {
  /** Reason code; its text is `access:reason.<code>`. */
  code: string;
  effect: AccessEffect;
  /** Fact values and the last day of each period the rule tested (`<fact>LastDay`), as text. */
  params: Record<string, string>;
}

export interface AccessDecision {
  decision: 'allow' | 'deny';
  /** Present only when access is allowed. */
  mode?: AccessMode;
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
  const decision = combine(fired, facts, request, now, ruleSet);

  await audit(auditEventOf(decision, request));
  return decision;
}

function combine(fired: AccessRule[], facts: AccessFacts, request: AccessRequest, now: Date, ruleSet: AccessRuleSet): AccessDecision {
  const reasons = fired.map((rule) => ({ code: rule.id, effect: rule.effect, params: reasonParams(rule, facts) }));
  const permitted = fired.some((rule) => rule.effect === 'permit');
  const denied = fired.some((rule) => rule.effect === 'deny');
  if (!permitted && !denied) reasons.push({ code: noPermitReason, effect: 'deny', params: { ...facts } });

  const restriction = fired.find((rule) => rule.effect === 'restrict' && rule.mode !== undefined);
  const allowed = permitted && !denied;
  return {
    decision: allowed ? 'allow' : 'deny',
    ...(allowed ? { mode: restriction?.mode ?? 'read-write' } : {}),
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
  for (const condition of dateConditions(rule.when)) {
    const event = facts[condition.fact as keyof AccessFacts];
    const date = event === undefined ? undefined : parseCivilDate(event);
    const period = parsePeriod(condition.period);
    if (date && period) params[`${condition.fact}LastDay`] = formatCivilDate(lastDayOfPeriod(date, period));
  }
  return params;
}

function dateConditions(condition: AccessCondition): { fact: string; period: string }[] {
  if ('all' in condition) return condition.all.flatMap(dateConditions);
  if ('any' in condition) return condition.any.flatMap(dateConditions);
  if (condition.operator === 'periodRunning' || condition.operator === 'periodOver') return [condition];
  return [];
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
