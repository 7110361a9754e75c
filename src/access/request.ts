/**
 * A request for access to a dossier, as the host or a scenario file writes it. Dates are
 * `YYYY-MM-DD` civil dates in Europe/Brussels and instants are ISO 8601 with an offset.
 * Nothing has a default: a missing consent, relationship or presence proof means there is none.
 */
export interface AccessRequest {
  professional: RequestingProfessional;
  dossier: DossierState;
  presence?: PresenceProof;
}

/** Care-giver roles: A has medical professional secrecy, B non-medical secrecy, none only a duty of discretion. */
export type ProfessionalRole = 'A' | 'B' | 'none';

export interface RequestingProfessional {
  id: string;
  role: ProfessionalRole;
  /** False once the professional's user account is deactivated. */
  active: boolean;
  organisation?: {
    id: string;
    /** Day the registered letter that ends the organisation's partnership was received. */
    partnershipEndLetterReceivedOn?: string;
  };
}

/** A dossier is superseded when a newer pregnancy has its own dossier. */
export type DossierLifecycle = 'current' | 'superseded' | 'erased';

export interface DossierState {
  /** Keyed pseudonym of her national number; never the number itself. */
  pseudonym: string;
  state: DossierLifecycle;
  consent?: ConsentRecord;
  relationships?: CareRelationship[];
}

export interface ConsentRecord {
  status: 'given' | 'withdrawn';
  /** She was a minor when she consented. */
  minor: boolean;
  /** Her capacity to consent was assessed and recorded; required for a minor's consent to count. */
  capacityAssessed?: boolean;
}

/**
 * A care relationship between her and one professional. She may block it (and unblock it,
 * which makes it `registered` again) or end it.
 */
export interface CareRelationship {
  professional: string;
  status: 'registered' | 'blocked' | 'ended';
  /** Day the relationship was last registered or confirmed; registering it again renews access. */
  registeredOn: string;
  /** Day of the professional's last access to the dossier, if any. */
  lastAccessOn?: string;
}

/** Proof that she is present: a one-time access code or an assertion of an integrated record system. */
export interface PresenceProof {
  method: 'accessCode' | 'trustedSystem';
  /** Pseudonym of the dossier the code or assertion was issued for. */
  dossier: string;
  provedAt: string;
  /** The record system that made the assertion; required for `trustedSystem`. */
  system?: string;
}
