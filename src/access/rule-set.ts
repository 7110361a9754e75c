import type { Period } from '../periods/index.js';

/** Effect of a rule whose condition holds. */
export type AccessEffect = 'permit' | 'deny' | 'restrict' | 'notice';

export type AccessMode = 'read-write' | 'read-only';

/** A condition as used: periods resolved to their ISO 8601 text, no negative operator. */
export type AccessCondition =
  | { all: AccessCondition[] }
  | { any: AccessCondition[] }
  | { fact: string; operator: 'equal'; value: string }
  | { fact: string; operator: 'in'; value: string[] }
  | { fact: string; operator: 'periodRunning' | 'periodOver'; period: string; periodName: string }
  | { fact: string; operator: 'afterToday' };

export interface AccessRule {
  /** Also the reason code: its text is `reason.<id>` in the `access` locale namespace. */
  id: string;
  effect: AccessEffect;
  /** The mode a `restrict` rule imposes. */
  mode?: 'read-only';
  when: AccessCondition;
}

/** A checked and normalized access rule set, stamped with its id, version and content hash. */
export interface AccessRuleSet {
  id: string;
  version: string;
  /** SHA-256 of the file's text, in hex. */
  hash: string;
  file: string;
  periods: Record<string, { text: string; period: Period }>;
  rules: AccessRule[];
}
