import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { decideAccess, noPermitReason, type AccessAuditEvent, type AccessRuleSet } from '../../src/access/index.js';
import { InputError } from '../../src/findings/index.js';
import { foldHistory, historyArbitrary, historyEventArbitrary } from './history.js';
import { addMonthsClamped, referenceDecision } from './reference-model.js';
import { allowedAt, allowedRequest, decideWithEvents, shippedRuleSet } from './support.js';

let ruleSet: AccessRuleSet;

beforeAll(async () => {
  ruleSet = await shippedRuleSet();
});

describe('reference model helpers', () => {
  it('clamps months like the policy', () => {
    expect(addMonthsClamped('2024-11-30', 15)).toBe('2026-02-28');
    expect(addMonthsClamped('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonthsClamped('2024-02-29', 12)).toBe('2025-02-28');
  });
});

describe('decisions over random histories', () => {
  it('allow exactly when the reference allows', async () => {
    await fc.assert(
      fc.asyncProperty(historyArbitrary, async (history) => {
        const { now, requests } = foldHistory(history);
        for (const request of requests) {
          const { decision } = await decideWithEvents(request, ruleSet, now);
          const expected = referenceDecision(request, now);
          expect(decision.decision).toBe(expected.decision);
          expect(decision.mode).toBe(expected.mode);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('name the reference last day in every reason', async () => {
    await fc.assert(
      fc.asyncProperty(historyArbitrary, async (history) => {
        const { now, requests } = foldHistory(history);
        for (const request of requests) {
          const { decision } = await decideWithEvents(request, ruleSet, now);
          expect(decision.lastDay).toBe(referenceDecision(request, now).lastDay);
          for (const reason of decision.reasons) expect(reason.params['accessLastDay'], reason.code).toBe(decision.lastDay);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('explain every denial by a rule', async () => {
    await fc.assert(
      fc.asyncProperty(historyArbitrary, async (history) => {
        const { now, requests } = foldHistory(history);
        for (const request of requests) {
          const { decision } = await decideWithEvents(request, ruleSet, now);
          const codes = decision.reasons.map((reason) => reason.code);
          expect(codes).not.toContain(noPermitReason);
          if (decision.decision === 'deny') expect(decision.reasons.some((reason) => reason.effect === 'deny')).toBe(true);
          else expect(decision.reasons[0]?.effect).toBe('permit');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('deny everyone on a frozen dossier', async () => {
    const withdrawnHistory = fc
      .tuple(historyArbitrary, fc.array(historyEventArbitrary.filter((event) => event.kind !== 'consent'), { maxLength: 6 }))
      .map(([history, later]) => ({ ...history, events: [...history.events, { kind: 'consent' as const, minor: false, capacityAssessed: undefined }, { kind: 'withdraw' as const }, ...later] }));

    await fc.assert(
      fc.asyncProperty(withdrawnHistory, async (history) => {
        const { now, requests, withdrawnLast } = foldHistory(history);
        expect(withdrawnLast).toBe(true);
        for (const request of requests) {
          const { decision } = await decideWithEvents(request, ruleSet, now);
          expect(decision.decision).toBe('deny');
          expect(decision.reasons.map((reason) => reason.code)).toContain('consent-withdrawn');
        }
      }),
      { numRuns: 150 },
    );
  });

  it('make a superseded dossier read-only', async () => {
    await fc.assert(
      fc.asyncProperty(historyArbitrary, async (history) => {
        const { now, requests } = foldHistory(history);
        for (const request of requests) {
          const { decision } = await decideWithEvents(request, ruleSet, now);
          if (request.dossier.state === 'superseded' && decision.decision === 'allow') expect(decision.mode).toBe('read-only');
          if (request.dossier.state === 'current' && decision.decision === 'allow') expect(decision.mode).toBe('read-write');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('find allowed and denied cases', async () => {
    // Guards the properties above against a generator that never reaches an allowed access.
    const outcomes = new Set<string>();
    let endedByNotice = 0;
    fc.assert(
      fc.property(historyArbitrary, (history) => {
        const { now, requests } = foldHistory(history);
        for (const request of requests) {
          const expected = referenceDecision(request, now);
          outcomes.add(`${expected.decision}:${expected.mode ?? ''}`);
          const letter = request.professional.organisation?.partnershipEndLetterReceivedOn;
          if (letter !== undefined && expected.lastDay === addMonthsClamped(letter, 1)) endedByNotice++;
        }
      }),
      { numRuns: 1000, seed: 20_250_610 },
    );
    expect([...outcomes].sort()).toEqual(['allow:read-only', 'allow:read-write', 'deny:']);
    expect(endedByNotice).toBeGreaterThan(0);
  });
});

describe('audit events over random identifiers', () => {
  const identifierArbitrary = fc.oneof(
    fc.stringMatching(/^[a-z]{2}-[A-Za-z0-9]{4,20}$/),
    fc.stringMatching(/^[0-9][0-9.-]{10,16}$/),
    fc.stringMatching(/^ps-[0-9]{9,13}$/),
  );

  it('never contain 11 digits', async () => {
    await fc.assert(
      fc.asyncProperty(identifierArbitrary, identifierArbitrary, identifierArbitrary, async (professional, organisation, pseudonym) => {
        const request = allowedRequest();
        request.professional.id = professional;
        request.professional.organisation = { id: organisation };
        request.dossier.pseudonym = pseudonym;
        request.dossier.relationships = [{ professional, status: 'registered', registeredOn: '2025-06-01' }];
        request.presence = { method: 'accessCode', dossier: pseudonym, provedAt: '2025-06-10T09:00:00+02:00' };

        const events: AccessAuditEvent[] = [];
        try {
          await decideAccess(request, { ruleSet, now: allowedAt, audit: (event) => void events.push(event) });
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          expect(events).toEqual([]);
          return;
        }
        expect(events).toHaveLength(1);
        expect(JSON.stringify(events)).not.toMatch(/\d{11}/);
      }),
      { numRuns: 400 },
    );
  });
});
