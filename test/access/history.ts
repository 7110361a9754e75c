import fc from 'fast-check';
import type { AccessRequest, CareRelationship, ProfessionalRole } from '../../src/access/index.js';

/** Test-side model of a dossier's history, folded into requests. Uses Date.UTC day arithmetic only. */

export type HistoryEvent =
  | { kind: 'consent'; minor: boolean; capacityAssessed: boolean | undefined }
  | { kind: 'withdraw' }
  | { kind: 'register'; professional: number }
  | { kind: 'block'; professional: number }
  | { kind: 'unblock'; professional: number }
  | { kind: 'end'; professional: number }
  | { kind: 'access'; professional: number }
  | { kind: 'newPregnancy' }
  | { kind: 'erase' }
  | { kind: 'partnerTermination'; organisation: number }
  | { kind: 'deactivate'; professional: number }
  | { kind: 'wait'; days: number };

export interface StaffMember {
  role: ProfessionalRole;
  organisation: number;
}

export type PresenceKind = 'none' | 'sameDay' | 'earlierDay' | 'otherDossier' | 'afterNow';

export interface History {
  startDay: number;
  staff: StaffMember[];
  events: HistoryEvent[];
  query: { professional: number; hour: number; minute: number; presence: PresenceKind; presenceMinutesBefore: number };
}

export const professionalCount = 3;
export const dossierPseudonym = 'ps-Dm8Kq2Vx5Lr1Tw7B';

const dayArbitrary = fc.integer({ min: Date.UTC(2023, 0, 1) / 86_400_000, max: Date.UTC(2027, 11, 31) / 86_400_000 });
const professionalIndex = fc.integer({ min: 0, max: professionalCount - 1 });

export const historyEventArbitrary: fc.Arbitrary<HistoryEvent> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('consent' as const), minor: fc.boolean(), capacityAssessed: fc.option(fc.boolean(), { nil: undefined }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'withdraw' as const }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('register' as const), professional: professionalIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('block' as const), professional: professionalIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unblock' as const), professional: professionalIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('end' as const), professional: professionalIndex }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('access' as const), professional: professionalIndex }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'newPregnancy' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'erase' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('partnerTermination' as const), organisation: fc.integer({ min: 0, max: 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deactivate' as const), professional: professionalIndex }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      // 420 to 470 days spans the end of a 15-month period after any date.
      days: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 420, max: 470 }), fc.constantFrom(28, 29, 30, 31, 365, 366)),
    }),
  },
);

export const historyArbitrary: fc.Arbitrary<History> = fc.record({
  startDay: dayArbitrary,
  staff: fc.array(fc.record({ role: fc.constantFrom<ProfessionalRole>('A', 'A', 'B', 'none'), organisation: fc.integer({ min: 0, max: 1 }) }), {
    minLength: professionalCount,
    maxLength: professionalCount,
  }),
  // Most histories start with her consent and registered relationships, so allowed access is common.
  events: fc
    .tuple(
      fc.subarray<HistoryEvent>([
        { kind: 'consent', minor: false, capacityAssessed: undefined },
        { kind: 'register', professional: 0 },
        { kind: 'register', professional: 1 },
        { kind: 'register', professional: 2 },
      ]),
      fc.array(historyEventArbitrary, { maxLength: 25 }),
    )
    .map(([prelude, rest]) => [...prelude, ...rest]),
  query: fc.record({
    professional: professionalIndex,
    // From 04:00, so the Brussels wall time never falls in a daylight saving change.
    hour: fc.integer({ min: 4, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    presence: fc.constantFrom<PresenceKind>('none', 'sameDay', 'sameDay', 'sameDay', 'earlierDay', 'otherDossier', 'afterNow'),
    presenceMinutesBefore: fc.integer({ min: 0, max: 180 }),
  }),
});

export function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function professionalIdOf(index: number): string {
  return `prof-${index}-kw`;
}

/** The state after the history: one request per professional, at the query's time on the last day. */
export function foldHistory(history: History): { today: number; now: Date; requests: AccessRequest[]; withdrawnLast: boolean } {
  let today = history.startDay;
  let consent: NonNullable<AccessRequest['dossier']['consent']> | undefined;
  let state: AccessRequest['dossier']['state'] = 'current';
  const relationships = new Map<number, CareRelationship>();
  const letters = new Map<number, string>();
  const active = history.staff.map(() => true);

  for (const event of history.events) {
    switch (event.kind) {
      case 'consent':
        consent = { status: 'given', minor: event.minor, ...(event.capacityAssessed !== undefined ? { capacityAssessed: event.capacityAssessed } : {}) };
        break;
      case 'withdraw':
        if (consent) consent = { ...consent, status: 'withdrawn' };
        break;
      case 'register': {
        const existing = relationships.get(event.professional);
        relationships.set(event.professional, { ...existing, professional: professionalIdOf(event.professional), status: 'registered', registeredOn: isoDay(today) });
        break;
      }
      case 'block':
      case 'unblock':
      case 'end': {
        const existing = relationships.get(event.professional);
        if (!existing) break;
        if (event.kind === 'block' && existing.status === 'registered') existing.status = 'blocked';
        if (event.kind === 'unblock' && existing.status === 'blocked') existing.status = 'registered';
        if (event.kind === 'end' && existing.status !== 'ended') existing.status = 'ended';
        break;
      }
      case 'access': {
        const existing = relationships.get(event.professional);
        if (existing?.status === 'registered') existing.lastAccessOn = isoDay(today);
        break;
      }
      case 'newPregnancy':
        if (state === 'current') state = 'superseded';
        break;
      case 'erase':
        state = 'erased';
        break;
      case 'partnerTermination':
        if (!letters.has(event.organisation)) letters.set(event.organisation, isoDay(today));
        break;
      case 'deactivate':
        active[event.professional] = false;
        break;
      case 'wait':
        today += event.days;
        break;
    }
  }

  const now = brusselsInstant(isoDay(today), history.query.hour, history.query.minute);
  const presence = presenceProof(history.query, now);
  const requests = history.staff.map((member, index): AccessRequest => {
    const letter = letters.get(member.organisation);
    return {
      professional: {
        id: professionalIdOf(index),
        role: member.role,
        active: active[index] ?? true,
        organisation: { id: `org-${member.organisation}`, ...(letter ? { partnershipEndLetterReceivedOn: letter } : {}) },
      },
      dossier: {
        pseudonym: dossierPseudonym,
        state,
        ...(consent ? { consent: { ...consent } } : {}),
        relationships: [...relationships.values()].map((relationship) => ({ ...relationship })),
      },
      ...(presence ? { presence } : {}),
    };
  });
  return { today, now, requests, withdrawnLast: consent?.status === 'withdrawn' };
}

function presenceProof(query: History['query'], now: Date): AccessRequest['presence'] {
  const minute = 60_000;
  switch (query.presence) {
    case 'none':
      return undefined;
    case 'sameDay':
      return { method: 'accessCode', dossier: dossierPseudonym, provedAt: new Date(now.getTime() - query.presenceMinutesBefore * minute).toISOString() };
    case 'earlierDay':
      return { method: 'accessCode', dossier: dossierPseudonym, provedAt: new Date(now.getTime() - 30 * 60 * minute).toISOString() };
    case 'otherDossier':
      return { method: 'accessCode', dossier: 'ps-another-dossier', provedAt: now.toISOString() };
    case 'afterNow':
      return { method: 'accessCode', dossier: dossierPseudonym, provedAt: new Date(now.getTime() + minute).toISOString() };
  }
}

const brusselsDateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' });
const brusselsTimeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The Brussels date of an instant, as YYYY-MM-DD, from Intl alone. */
export function brusselsDay(instant: Date): string {
  return brusselsDateFormat.format(instant);
}

/** The instant of a Brussels wall time outside the daylight saving changes (+01:00 or +02:00). */
export function brusselsInstant(day: string, hour: number, minute: number): Date {
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);
    candidate.setTime(candidate.getTime() - offsetHours * 3_600_000);
    const wallTime = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
    if (brusselsDay(candidate) === day && brusselsTimeFormat.format(candidate) === wallTime) return candidate;
  }
  throw new Error(`no Brussels instant for ${day} ${hour}:${minute}`);
}
