import { decideAccess, loadAccessRules, type AccessAuditEvent, type AccessDecision, type AccessRequest, type AccessRuleSet } from '../../src/access/index.js';

/** The shipped rule set, loaded once per test file. */
export async function shippedRuleSet(): Promise<AccessRuleSet> {
  const outcome = await loadAccessRules();
  if (!outcome.ok) throw new Error(`shipped access rules do not load: ${JSON.stringify(outcome.findings)}`);
  return outcome.ruleSet;
}

export const dossierPseudonym = 'ps-Xw3v9QdLrT8mKp2Z';
export const professionalId = 'prof-midwife-0042';

/** A request that every rule allows on 2025-06-10 (Brussels); tests change one part at a time. */
export function allowedRequest(): AccessRequest {
  return {
    professional: { id: professionalId, role: 'A', active: true, organisation: { id: 'org-maternity-brussels' } },
    dossier: {
      pseudonym: dossierPseudonym,
      state: 'current',
      consent: { status: 'given', minor: false },
      relationships: [{ professional: professionalId, status: 'registered', registeredOn: '2024-09-12', lastAccessOn: '2025-05-02' }],
    },
    presence: { method: 'accessCode', dossier: dossierPseudonym, provedAt: '2025-06-10T09:55:00+02:00' },
  };
}

export const allowedAt = new Date('2025-06-10T10:00:00+02:00');

/** Runs one decision and returns it with the audit events the sink received. */
export async function decideWithEvents(
  request: AccessRequest,
  ruleSet: AccessRuleSet,
  now: Date = allowedAt,
): Promise<{ decision: AccessDecision; events: AccessAuditEvent[] }> {
  const events: AccessAuditEvent[] = [];
  const decision = await decideAccess(request, { ruleSet, now, audit: (event) => void events.push(event) });
  return { decision, events };
}

export function reasonCodes(decision: AccessDecision): string[] {
  return decision.reasons.map((reason) => reason.code);
}
