/** The record fields that hold dates; a rule's `from` names one of them. */
export const retentionDateFields = ['accountClosedOn', 'lastAccessOn', 'letterReceivedOn', 'erasureRequestedOn', 'frozenOn'] as const;
export type RetentionDateField = (typeof retentionDateFields)[number];

/** The record fields whose values the rule file declares as closed lists under `recordValues`. */
export const declaredValueFields = ['owner', 'kind'] as const;
export type DeclaredValueField = (typeof declaredValueFields)[number];

/** Every record field a rule's `when` can test. */
export const testableRecordFields: readonly string[] = ['id', 'kind', 'owner', ...retentionDateFields];

/** The closed lists of owners and kinds that records can have, as declared in the rule file. */
export type RecordValues = Readonly<Record<DeclaredValueField, readonly string[]>>;

export function isDateField(field: string): field is RetentionDateField {
  return (retentionDateFields as readonly string[]).includes(field);
}

export function isDeclaredValueField(field: string): field is DeclaredValueField {
  return (declaredValueFields as readonly string[]).includes(field);
}
