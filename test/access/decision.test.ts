import { beforeAll, describe, expect, it } from 'vitest';
import { decideAccess, type AccessRequest, type AccessRuleSet } from '../../src/access/index.js';
import { InputError } from '../../src/findings/index.js';
import { allowedAt, allowedRequest, decideWithEvents, dossierPseudonym, professionalId, reasonCodes, shippedRuleSet } from './support.js';

let ruleSet: AccessRuleSet;

beforeAll(async () => {
  ruleSet = await shippedRuleSet();
});

function withRelationship(request: AccessRequest, change: Partial<NonNullable<AccessRequest['dossier']['relationships']>[number]>): AccessRequest {
  const [relationship] = request.dossier.relationships ?? [];
  if (!relationship) throw new Error('the base request has a relationship');
  request.dossier.relationships = [{ ...relationship, ...change }];
  return request;
}

describe('decideAccess', () => {
  it('allows a complete request read-write', async () => {
    const { decision } = await decideWithEvents(allowedRequest(), ruleSet);
    expect(decision.decision).toBe('allow');
    expect(decision.mode).toBe('read-write');
    expect(reasonCodes(decision)).toEqual(['care-relationship-access']);
    expect(decision.reasons[0]?.params['relationshipRenewedOnLastDay']).toBe('2026-08-02');
    expect(decision.lastDay).toBe('2026-08-02');
    expect(decision.accessEnd).toBe('renewable');
    expect(decision.reasons[0]?.params['accessLastDay']).toBe('2026-08-02');
  });

  it('stamps the rule set and the instant', async () => {
    const { decision } = await decideWithEvents(allowedRequest(), ruleSet);
    expect(decision.ruleSet).toEqual({ id: 'bib-access-rules', version: ruleSet.version, hash: ruleSet.hash });
    expect(decision.ruleSet.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(decision.at).toBe('2025-06-10T08:00:00.000Z');
    expect(decision.professional).toBe(professionalId);
    expect(decision.dossier).toBe(dossierPseudonym);
  });

  it('denies role none whatever else holds', async () => {
    const request = allowedRequest();
    request.professional.role = 'none';
    const { decision } = await decideWithEvents(request, ruleSet);
    expect(decision.decision).toBe('deny');
    expect(decision.mode).toBeUndefined();
    expect(reasonCodes(decision)).toEqual(['discretion-only']);
  });

  it('allows role B like role A', async () => {
    const request = allowedRequest();
    request.professional.role = 'B';
    const { decision } = await decideWithEvents(request, ruleSet);
    expect(decision.decision).toBe('allow');
  });

  it('denies an inactive professional', async () => {
    const request = allowedRequest();
    request.professional.active = false;
    const { decision } = await decideWithEvents(request, ruleSet);
    expect(reasonCodes(decision)).toEqual(['professional-inactive']);
  });

  it('freezes a dossier after withdrawal', async () => {
    const request = allowedRequest();
    request.dossier.consent = { status: 'withdrawn', minor: false };
    const { decision } = await decideWithEvents(request, ruleSet);
    expect(decision.decision).toBe('deny');
    expect(reasonCodes(decision)).toEqual(['consent-withdrawn']);
  });

  it('denies everyone on an erased dossier', async () => {
    const request = allowedRequest();
    request.dossier.state = 'erased';
    const { decision } = await decideWithEvents(request, ruleSet);
    expect(reasonCodes(decision)).toEqual(['dossier-erased']);
  });

  it('makes a superseded dossier read-only', async () => {
    const request = allowedRequest();
    request.dossier.state = 'superseded';
    const { decision } = await decideWithEvents(request, ruleSet);
    expect(decision.decision).toBe('allow');
    expect(decision.mode).toBe('read-only');
    expect(reasonCodes(decision)).toEqual(['care-relationship-access', 'dossier-superseded']);
  });

  it('reports every reason that applies', async () => {
    const request = allowedRequest();
    request.professional.role = 'none';
    request.professional.active = false;
    delete request.dossier.consent;
    request.dossier.relationships = [];
    delete request.presence;
    const { decision } = await decideWithEvents(request, ruleSet);
    expect(reasonCodes(decision)).toEqual([
      'discretion-only',
      'professional-inactive',
      'consent-missing',
      'relationship-missing',
      'presence-missing',
    ]);
  });
});

describe('consent without defaults', () => {
  it('treats an absent consent as none', async () => {
    const request = allowedRequest();
    delete request.dossier.consent;
    const { decision } = await decideWithEvents(request, ruleSet);
    expect(decision.decision).toBe('deny');
    expect(reasonCodes(decision)).toEqual(['consent-missing']);
  });

  it('rejects consent false, never consent', async () => {
    const request = allowedRequest() as unknown as { dossier: Record<string, unknown> };
    request.dossier['consent'] = false;
    const events: unknown[] = [];
    const decided = decideAccess(request as unknown as AccessRequest, { ruleSet, now: allowedAt, audit: (event) => void events.push(event) });
    await expect(decided).rejects.toBeInstanceOf(InputError);
    await expect(decided).rejects.toMatchObject({ findings: [{ code: 'access:schema.type', path: ['dossier', 'consent'] }] });
    expect(events).toEqual([]);
  });

  it('rejects consent true as well', async () => {
    const request = allowedRequest() as unknown as { dossier: Record<string, unknown> };
    request.dossier['consent'] = true;
    await expect(
      decideAccess(request as unknown as AccessRequest, { ruleSet, now: allowedAt, audit: () => undefined }),
    ).rejects.toBeInstanceOf(InputError);
  });

  it('rejects an empty consent record', async () => {
    const request = allowedRequest() as unknown as { dossier: Record<string, unknown> };
    request.dossier['consent'] = {};
    await expect(
      decideAccess(request as unknown as AccessRequest, { ruleSet, now: allowedAt, audit: () => undefined }),
    ).rejects.toMatchObject({ findings: [{ code: 'access:schema.required', params: { property: 'status' } }, { code: 'access:schema.required', params: { property: 'minor' } }] });
  });

  it('needs assessed capacity for a minor', async () => {
    const request = allowedRequest();
    request.dossier.consent = { status: 'given', minor: true };
    const notAssessed = await decideWithEvents(request, ruleSet);
    expect(reasonCodes(notAssessed.decision)).toEqual(['minor-capacity-not-assessed']);

    request.dossier.consent = { status: 'given', minor: true, capacityAssessed: false };
    const assessedFalse = await decideWithEvents(request, ruleSet);
    expect(reasonCodes(assessedFalse.decision)).toEqual(['minor-capacity-not-assessed']);

    request.dossier.consent = { status: 'given', minor: true, capacityAssessed: true };
    const assessed = await decideWithEvents(request, ruleSet);
    expect(assessed.decision.decision).toBe('allow');
  });
});

describe('care relationships', () => {
  it('denies without a relationship of this professional', async () => {
    const request = withRelationship(allowedRequest(), { professional: 'prof-other-0001' });
    const { decision } = await decideWithEvents(request, ruleSet);
    expect(reasonCodes(decision)).toEqual(['relationship-missing']);
  });

  it('denies a blocked relationship', async () => {
    const { decision } = await decideWithEvents(withRelationship(allowedRequest(), { status: 'blocked' }), ruleSet);
    expect(reasonCodes(decision)).toEqual(['relationship-blocked']);
  });

  it('allows again after unblocking', async () => {
    const { decision } = await decideWithEvents(withRelationship(allowedRequest(), { status: 'registered' }), ruleSet);
    expect(decision.decision).toBe('allow');
  });

  it('denies an ended relationship', async () => {
    const { decision } = await decideWithEvents(withRelationship(allowedRequest(), { status: 'ended' }), ruleSet);
    expect(reasonCodes(decision)).toEqual(['relationship-ended']);
  });

  it('renews access by registering again', async () => {
    const expired = withRelationship(allowedRequest(), { registeredOn: '2023-01-10', lastAccessOn: '2024-03-09' });
    const before = await decideWithEvents(expired, ruleSet);
    expect(reasonCodes(before.decision)).toEqual(['relationship-expired']);
    expect(before.decision.reasons[0]?.params['relationshipRenewedOnLastDay']).toBe('2025-06-09');

    const renewed = withRelationship(allowedRequest(), { registeredOn: '2025-06-10', lastAccessOn: '2024-03-09' });
    const after = await decideWithEvents(renewed, ruleSet);
    expect(after.decision.decision).toBe('allow');
  });

  it('counts from registration before any access', async () => {
    const lastDayRequest = withRelationship(allowedRequest(), { registeredOn: '2024-03-10' });
    delete lastDayRequest.dossier.relationships?.[0]?.lastAccessOn;
    const lastDay = await decideWithEvents(lastDayRequest, ruleSet, new Date('2025-06-10T23:59:59.999+02:00'));
    expect(lastDay.decision.decision).toBe('allow');

    const dayAfterRequest = withRelationship(allowedRequest(), { registeredOn: '2024-03-09' });
    delete dayAfterRequest.dossier.relationships?.[0]?.lastAccessOn;
    const dayAfter = await decideWithEvents(dayAfterRequest, ruleSet);
    expect(reasonCodes(dayAfter.decision)).toEqual(['relationship-expired']);
  });

  it('denies a last access after today', async () => {
    const request = withRelationship(allowedRequest(), { lastAccessOn: '2025-06-11' });
    const { decision } = await decideWithEvents(request, ruleSet);
    expect(reasonCodes(decision)).toEqual(['relationship-date-after-today']);
  });
});

describe('access period boundaries', () => {
  function lastAccessOn(date: string, provedAt: string): AccessRequest {
    const request = withRelationship(allowedRequest(), { registeredOn: '2024-01-15', lastAccessOn: date });
    request.presence = { method: 'accessCode', dossier: dossierPseudonym, provedAt };
    return request;
  }

  it('allows 30 November plus 15 months on 28 February', async () => {
    const request = lastAccessOn('2024-11-30', '2026-02-28T23:50:00+01:00');
    const { decision } = await decideWithEvents(request, ruleSet, new Date('2026-02-28T23:59:59.999+01:00'));
    expect(decision.decision).toBe('allow');
    expect(decision.reasons[0]?.params['relationshipRenewedOnLastDay']).toBe('2026-02-28');
  });

  it('denies it from 1 March 00:00 Brussels', async () => {
    const request = lastAccessOn('2024-11-30', '2026-03-01T00:00:00+01:00');
    const { decision } = await decideWithEvents(request, ruleSet, new Date('2026-03-01T00:00:00+01:00'));
    expect(decision.decision).toBe('deny');
    expect(reasonCodes(decision)).toEqual(['relationship-expired']);
  });

  it('decides by Brussels date, not UTC', async () => {
    // 2026-02-28T23:30Z is already 1 March in Brussels.
    const request = lastAccessOn('2024-11-30', '2026-02-28T23:30:00Z');
    const { decision } = await decideWithEvents(request, ruleSet, new Date('2026-02-28T23:30:00Z'));
    expect(decision.decision).toBe('deny');
  });

  it('handles a leap-day last access', async () => {
    const lastDay = await decideWithEvents(lastAccessOn('2024-02-29', '2025-05-29T12:00:00+02:00'), ruleSet, new Date('2025-05-29T12:00:00+02:00'));
    expect(lastDay.decision.decision).toBe('allow');
    const firstDayWithout = await decideWithEvents(lastAccessOn('2024-02-29', '2025-05-30T08:00:00+02:00'), ruleSet, new Date('2025-05-30T08:00:00+02:00'));
    expect(reasonCodes(firstDayWithout.decision)).toEqual(['relationship-expired']);
  });

  it('clamps 31 December plus 15 months', async () => {
    const lastDay = await decideWithEvents(lastAccessOn('2024-12-31', '2026-03-31T12:00:00+02:00'), ruleSet, new Date('2026-03-31T12:00:00+02:00'));
    expect(lastDay.decision.decision).toBe('allow');
    const after = await decideWithEvents(lastAccessOn('2025-01-31', '2026-05-01T12:00:00+02:00'), ruleSet, new Date('2026-05-01T12:00:00+02:00'));
    expect(after.decision.reasons[0]?.params['relationshipRenewedOnLastDay']).toBe('2026-04-30');
    expect(after.decision.decision).toBe('deny');
  });
});

describe('partner organisation notice', () => {
  function terminated(provedAt: string): AccessRequest {
    const request = withRelationship(allowedRequest(), { lastAccessOn: '2025-01-20' });
    request.professional.organisation = { id: 'org-social-services-liege', partnershipEndLetterReceivedOn: '2025-01-31' };
    request.presence = { method: 'accessCode', dossier: dossierPseudonym, provedAt };
    return request;
  }

  it('keeps access through 28 February', async () => {
    const { decision } = await decideWithEvents(terminated('2025-02-28T23:00:00+01:00'), ruleSet, new Date('2025-02-28T23:59:59+01:00'));
    expect(decision.decision).toBe('allow');
    expect(reasonCodes(decision)).toEqual(['care-relationship-access', 'partnership-ending']);
    expect(decision.reasons[1]?.params['partnerLetterReceivedOnLastDay']).toBe('2025-02-28');
  });

  it('ends access on 1 March', async () => {
    const { decision } = await decideWithEvents(terminated('2025-03-01T00:00:00+01:00'), ruleSet, new Date('2025-03-01T00:00:00+01:00'));
    expect(decision.decision).toBe('deny');
    expect(reasonCodes(decision)).toEqual(['partnership-ended']);
    expect(decision.lastDay).toBeUndefined();
    expect(decision.reasons[0]?.params['accessLastDay']).toBeUndefined();
  });

  it('ends access with the notice, not the relationship', async () => {
    // The relationship alone would run until 2026-04-20, but the notice month ends on 2025-02-28.
    const { decision } = await decideWithEvents(terminated('2025-02-28T13:55:00+01:00'), ruleSet, new Date('2025-02-28T14:00:00+01:00'));
    expect(decision.reasons[0]?.params['relationshipRenewedOnLastDay']).toBe('2026-04-20');
    expect(decision.lastDay).toBe('2025-02-28');
    expect(decision.accessEnd).toBe('fixed');
    for (const reason of decision.reasons) {
      expect(reason.params['accessLastDay'], reason.code).toBe('2025-02-28');
      expect(reason.params['accessEnd'], reason.code).toBe('fixed');
    }
  });

  it('keeps a relationship end before the notice end', async () => {
    const request = withRelationship(terminated('2025-02-05T09:00:00+01:00'), { registeredOn: '2023-09-01', lastAccessOn: '2023-11-10' });
    const { decision } = await decideWithEvents(request, ruleSet, new Date('2025-02-05T09:30:00+01:00'));
    expect(decision.decision).toBe('allow');
    expect(decision.reasons[1]?.params['partnerLetterReceivedOnLastDay']).toBe('2025-02-28');
    expect(decision.lastDay).toBe('2025-02-10');
    expect(decision.accessEnd).toBe('renewable');
  });

  it('calls an end on the same day fixed', async () => {
    const request = withRelationship(terminated('2025-02-05T09:00:00+01:00'), { registeredOn: '2023-09-01', lastAccessOn: '2023-11-28' });
    const { decision } = await decideWithEvents(request, ruleSet, new Date('2025-02-05T09:30:00+01:00'));
    expect(decision.reasons[0]?.params['relationshipRenewedOnLastDay']).toBe('2025-02-28');
    expect(decision.lastDay).toBe('2025-02-28');
    expect(decision.accessEnd).toBe('fixed');
  });

  it('denies a letter dated after today', async () => {
    const request = terminated('2025-01-30T10:00:00+01:00');
    const { decision } = await decideWithEvents(request, ruleSet, new Date('2025-01-30T10:00:00+01:00'));
    expect(reasonCodes(decision)).toEqual(['partner-letter-date-after-today']);
  });
});

describe('presence proof', () => {
  it('denies without a proof', async () => {
    const request = allowedRequest();
    delete request.presence;
    const { decision } = await decideWithEvents(request, ruleSet);
    expect(reasonCodes(decision)).toEqual(['presence-missing']);
  });

  it('denies a proof for another dossier', async () => {
    const request = allowedRequest();
    request.presence = { method: 'accessCode', dossier: 'ps-another-dossier', provedAt: '2025-06-10T09:55:00+02:00' };
    const { decision } = await decideWithEvents(request, ruleSet);
    expect(reasonCodes(decision)).toEqual(['presence-for-other-dossier']);
  });

  it('denies a proof from yesterday', async () => {
    const request = allowedRequest();
    request.presence = { method: 'accessCode', dossier: dossierPseudonym, provedAt: '2025-06-09T23:59:59+02:00' };
    const { decision } = await decideWithEvents(request, ruleSet);
    expect(reasonCodes(decision)).toEqual(['presence-expired']);
  });

  it('denies a proof after now', async () => {
    const request = allowedRequest();
    request.presence = { method: 'accessCode', dossier: dossierPseudonym, provedAt: '2025-06-10T10:00:01+02:00' };
    const { decision } = await decideWithEvents(request, ruleSet);
    expect(reasonCodes(decision)).toEqual(['presence-after-now']);
  });

  it('accepts a trusted-system assertion', async () => {
    const request = allowedRequest();
    request.presence = { method: 'trustedSystem', system: 'ehr-hospital-east', dossier: dossierPseudonym, provedAt: '2025-06-10T08:00:00+02:00' };
    const { decision } = await decideWithEvents(request, ruleSet);
    expect(decision.decision).toBe('allow');
  });

  it('rejects an assertion without its system', async () => {
    const request = allowedRequest();
    request.presence = { method: 'trustedSystem', dossier: dossierPseudonym, provedAt: '2025-06-10T08:00:00+02:00' };
    await expect(decideAccess(request, { ruleSet, now: allowedAt, audit: () => undefined })).rejects.toMatchObject({
      findings: [{ code: 'access:request.systemMissing' }],
    });
  });
});

describe('audit events', () => {
  it('records an allowed decision', async () => {
    const { decision, events } = await decideWithEvents(allowedRequest(), ruleSet);
    expect(events).toEqual([
      {
        type: 'access-decision',
        at: decision.at,
        professional: professionalId,
        organisation: 'org-maternity-brussels',
        dossier: dossierPseudonym,
        decision: 'allow',
        mode: 'read-write',
        reasons: ['care-relationship-access'],
        ruleSet: { id: decision.ruleSet.id, version: decision.ruleSet.version },
      },
    ]);
  });

  it('records a denied decision', async () => {
    const request = allowedRequest();
    request.dossier.consent = { status: 'withdrawn', minor: false };
    const { events } = await decideWithEvents(request, ruleSet);
    expect(events).toHaveLength(1);
    expect(events[0]?.decision).toBe('deny');
    expect(events[0]?.reasons).toEqual(['consent-withdrawn']);
    expect(events[0]).not.toHaveProperty('mode');
  });

  it('fails the decision when the sink fails', async () => {
    const failingSink = async () => {
      throw new Error('audit store unavailable');
    };
    await expect(decideAccess(allowedRequest(), { ruleSet, now: allowedAt, audit: failingSink })).rejects.toThrow('audit store unavailable');
  });

  it('waits for an asynchronous sink', async () => {
    let stored = false;
    const slowSink = () =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          stored = true;
          resolve();
        }, 5),
      );
    await decideAccess(allowedRequest(), { ruleSet, now: allowedAt, audit: slowSink });
    expect(stored).toBe(true);
  });
});

describe('request checks', () => {
  it.each([
    ['dossier.pseudonym', (request: AccessRequest) => void (request.dossier.pseudonym = '90020199605')],
    ['dossier.pseudonym', (request: AccessRequest) => void (request.dossier.pseudonym = '90.02.01-996.05')],
    ['dossier.pseudonym', (request: AccessRequest) => void (request.dossier.pseudonym = 'ps-90020199605')],
    ['professional.id', (request: AccessRequest) => void (request.professional.id = '88471599850')],
    ['presence.dossier', (request: AccessRequest) => void (request.presence!.dossier = '01031599878')],
  ])('rejects a national number in %s', async (field, change) => {
    const request = allowedRequest();
    change(request);
    const events: unknown[] = [];
    const decided = decideAccess(request, { ruleSet, now: allowedAt, audit: (event) => void events.push(event) });
    await expect(decided).rejects.toBeInstanceOf(InputError);
    const error = (await decided.catch((caught: unknown) => caught)) as InputError;
    expect(error.findings.map((finding) => finding.code)).toContain('access:request.nationalNumber');
    expect(error.findings.map((finding) => finding.path?.join('.'))).toContain(field);
    expect(JSON.stringify(error.findings)).not.toMatch(/\d{11}/);
    expect(events).toEqual([]);
  });

  it('rejects a date that does not exist', async () => {
    const request = withRelationship(allowedRequest(), { lastAccessOn: '2025-02-29' });
    await expect(decideAccess(request, { ruleSet, now: allowedAt, audit: () => undefined })).rejects.toMatchObject({
      findings: [{ code: 'access:request.invalidDate', path: ['dossier', 'relationships', 0, 'lastAccessOn'] }],
    });
  });

  it('rejects an invalid now', async () => {
    await expect(decideAccess(allowedRequest(), { ruleSet, now: new Date('no date'), audit: () => undefined })).rejects.toMatchObject({
      findings: [{ code: 'access:request.invalidNow' }],
    });
  });

  it('rejects two relationships for one professional', async () => {
    const request = allowedRequest();
    const relationship = request.dossier.relationships?.[0];
    if (!relationship) throw new Error('the base request has a relationship');
    request.dossier.relationships = [relationship, { ...relationship, status: 'blocked' }];
    await expect(decideAccess(request, { ruleSet, now: allowedAt, audit: () => undefined })).rejects.toMatchObject({
      findings: [{ code: 'access:request.duplicateRelationship' }],
    });
  });

  it('leaves the request unchanged', async () => {
    const request = allowedRequest();
    delete request.dossier.consent;
    const before = structuredClone(request);
    await decideWithEvents(request, ruleSet);
    expect(request).toEqual(before);
  });
});

describe('concurrent decisions', () => {
  it('match the sequential decisions', async () => {
    const requests = Array.from({ length: 48 }, (_, index) => {
      const request = allowedRequest();
      if (index % 3 === 1) request.dossier.consent = { status: 'withdrawn', minor: false };
      if (index % 4 === 2) request.dossier.state = 'superseded';
      if (index % 5 === 3) request.professional.role = 'none';
      return request;
    });
    const sequential = [];
    for (const request of requests) sequential.push((await decideWithEvents(request, ruleSet)).decision);
    const concurrent = await Promise.all(requests.map(async (request) => (await decideWithEvents(request, ruleSet)).decision));
    expect(concurrent).toEqual(sequential);
  });
});
