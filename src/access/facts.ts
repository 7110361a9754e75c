import { civilDateAt, compareCivilDates, formatCivilDate, parseCivilDate, type CivilDate } from '../periods/index.js';
import type { AccessRequest, CareRelationship } from './request.js';

/**
 * Kind of limit that the period after a date fact puts on the access right, when a permit or
 * notice rule tests it with `periodRunning`. It is `renewable` when a new access or
 * registration moves the date, and `fixed` when nothing the professional does moves it.
 */
export type AccessEndKind = 'renewable' | 'fixed';

/**
 * The facts the access rules can test, with their values. An enumerated fact always has one of
 * its values, so a rule never reads it as absent. A date fact is absent when the event never
 * happened, and every date operator is false on an absent date. A date fact's `accessEnd` gives
 * the kind of limit its period puts on the access right. The value `none` marks a period that
 * limits something else: her presence is proved for one request, and every access needs its
 * own proof.
 */
export const accessFactCatalogue = {
  role: { kind: 'enum', values: ['A', 'B', 'none'] },
  professionalStatus: { kind: 'enum', values: ['active', 'inactive'] },
  partnership: { kind: 'enum', values: ['running', 'terminated'] },
  partnerLetterReceivedOn: { kind: 'date', accessEnd: 'fixed' },
  consent: { kind: 'enum', values: ['given', 'withdrawn', 'missing'] },
  consentCapacity: { kind: 'enum', values: ['notRequired', 'assessed', 'notAssessed', 'missing'] },
  dossierState: { kind: 'enum', values: ['current', 'superseded', 'erased'] },
  relationship: { kind: 'enum', values: ['registered', 'blocked', 'ended', 'missing'] },
  relationshipRenewedOn: { kind: 'date', accessEnd: 'renewable' },
  presenceProof: { kind: 'enum', values: ['accessCode', 'trustedSystem', 'missing', 'otherDossier', 'afterNow'] },
  presenceProvedOn: { kind: 'date', accessEnd: 'none' },
} as const satisfies Record<string, { kind: 'enum'; values: readonly string[] } | { kind: 'date'; accessEnd: AccessEndKind | 'none' }>;

export type AccessFactName = keyof typeof accessFactCatalogue;

/** Fact values for one evaluation: enumerated values and `YYYY-MM-DD` dates, absent dates left out. */
export type AccessFacts = Partial<Record<AccessFactName, string>>;

export function isAccessFactName(name: string): name is AccessFactName {
  return Object.hasOwn(accessFactCatalogue, name);
}

/**
 * Derives the rule facts from a validated request at the instant `now`. Only positive,
 * recorded data give a permissive value: no consent record gives `missing`, no relationship
 * of this professional gives `missing`, no presence proof gives `missing`.
 */
export function deriveAccessFacts(request: AccessRequest, now: Date): AccessFacts {
  const { professional, dossier, presence } = request;
  const facts: AccessFacts = {
    role: professional.role,
    professionalStatus: professional.active === true ? 'active' : 'inactive',
    dossierState: dossier.state,
  };

  const letterReceivedOn = professional.organisation?.partnershipEndLetterReceivedOn;
  facts.partnership = letterReceivedOn === undefined ? 'running' : 'terminated';
  if (letterReceivedOn !== undefined) facts.partnerLetterReceivedOn = letterReceivedOn;

  const consent = dossier.consent;
  facts.consent = consent?.status === 'given' || consent?.status === 'withdrawn' ? consent.status : 'missing';
  if (!consent) facts.consentCapacity = 'missing';
  else if (consent.minor === false) facts.consentCapacity = 'notRequired';
  else facts.consentCapacity = consent.capacityAssessed === true ? 'assessed' : 'notAssessed';

  const relationship = (dossier.relationships ?? []).find((entry) => entry.professional === professional.id);
  facts.relationship = relationship?.status ?? 'missing';
  const renewedOn = relationship && latestRenewal(relationship);
  if (renewedOn) facts.relationshipRenewedOn = formatCivilDate(renewedOn);

  if (!presence) {
    facts.presenceProof = 'missing';
  } else {
    const provedAt = new Date(presence.provedAt);
    if (presence.dossier !== dossier.pseudonym) facts.presenceProof = 'otherDossier';
    else if (provedAt.getTime() > now.getTime()) facts.presenceProof = 'afterNow';
    else facts.presenceProof = presence.method;
    facts.presenceProvedOn = formatCivilDate(civilDateAt(provedAt));
  }
  return facts;
}

/** Returns the day access was last renewed: the later of the last registration and the last access. */
function latestRenewal(relationship: CareRelationship): CivilDate | undefined {
  const registeredOn = parseCivilDate(relationship.registeredOn);
  const lastAccessOn = relationship.lastAccessOn === undefined ? undefined : parseCivilDate(relationship.lastAccessOn);
  if (!registeredOn) return lastAccessOn;
  if (!lastAccessOn) return registeredOn;
  return compareCivilDates(lastAccessOn, registeredOn) > 0 ? lastAccessOn : registeredOn;
}
