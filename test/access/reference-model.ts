import type { AccessRequest } from '../../src/access/index.js';
import { brusselsDay } from './history.js';

/**
 * Decides by the access policy written out plainly, without the rules file or the periods
 * module. Access needs every condition below, and a superseded dossier is read-only. An
 * allowed access lasts until the earlier of the relationship's end and the partner's notice end.
 */
export function referenceDecision(
  request: AccessRequest,
  now: Date,
): { decision: 'allow' | 'deny'; mode?: 'read-write' | 'read-only'; lastDay?: string } {
  const today = brusselsDay(now);
  const { professional, dossier, presence } = request;
  const relationship = dossier.relationships?.find((entry) => entry.professional === professional.id);

  const renewedOn = relationship ? [relationship.registeredOn, relationship.lastAccessOn ?? ''].sort().at(-1) ?? '' : '';
  const letter = professional.organisation?.partnershipEndLetterReceivedOn;

  const conditions = [
    professional.role === 'A' || professional.role === 'B',
    professional.active,
    dossier.consent?.status === 'given',
    dossier.consent?.minor === false || dossier.consent?.capacityAssessed === true,
    dossier.state === 'current' || dossier.state === 'superseded',
    relationship?.status === 'registered',
    renewedOn !== '' && renewedOn <= today && today <= addMonthsClamped(renewedOn, 15),
    letter === undefined || (letter <= today && today <= addMonthsClamped(letter, 1)),
    presence !== undefined && presence.dossier === dossier.pseudonym,
    presence !== undefined && new Date(presence.provedAt).getTime() <= now.getTime() && brusselsDay(new Date(presence.provedAt)) === today,
  ];

  if (!conditions.every(Boolean)) return { decision: 'deny' };
  const ends = [addMonthsClamped(renewedOn, 15), ...(letter === undefined ? [] : [addMonthsClamped(letter, 1)])];
  return { decision: 'allow', mode: dossier.state === 'superseded' ? 'read-only' : 'read-write', lastDay: ends.sort()[0]! };
}

/** Adds months to a YYYY-MM-DD date, clamping the day to the end of a shorter month. */
export function addMonthsClamped(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastOfMonth = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, lastOfMonth));
  return target.toISOString().slice(0, 10);
}
