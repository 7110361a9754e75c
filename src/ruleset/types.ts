/**
 * The rule set "as used": normalised, ids resolved, points and thresholds as integer
 * hundredths so that sums and comparisons are exact. The YAML "as written" is only seen by
 * the loader and the normaliser.
 */

/** Source of a value. A strict validation rejects `provisional` values for a release. */
export type Provenance = 'published' | 'instrument_convention' | 'provisional';

/** An exact decimal with at most two places, stored as an integer count of hundredths. */
export type Hundredths = number;

/** Position of a value in its source file, for findings about normalised content. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

/** True when the item is answered with one of `options`; false when it is missing or declined. */
export interface AnswerCondition {
  kind: 'answer';
  item: string;
  options: readonly string[];
}

export interface PositiveCondition {
  kind: 'positive';
  indicator: string;
}

export interface PositiveCountCondition {
  kind: 'positiveCount';
  atLeast: number;
}

export interface AllCondition {
  kind: 'all';
  conditions: readonly Condition[];
}

export interface AnyCondition {
  kind: 'any';
  conditions: readonly Condition[];
}

/** A condition of the rule language. It has no negation: a missing fact never makes it true. */
export type Condition = AnswerCondition | PositiveCondition | PositiveCountCondition | AllCondition | AnyCondition;

export interface QuestionnaireItem {
  id: string;
  category: string;
  options: readonly string[];
  /** The item is asked unless its controlling item is answered with an option outside this set. */
  enableWhen?: AnswerCondition;
}

export interface IdentificationField {
  id: string;
  required: boolean;
}

export interface Questionnaire {
  id: string;
  version: string;
  /** Data categories from least to most sensitive. */
  categories: readonly string[];
  identification: readonly IdentificationField[];
  items: readonly QuestionnaireItem[];
  source: SourceLocation;
}

export interface ItemScoring {
  item: string;
  provenance: Provenance;
  /** Points of each option, in hundredths. */
  points: ReadonlyMap<string, Hundredths>;
  /** The highest points any option gives. */
  maxPoints: Hundredths;
}

export interface IndicatorRule {
  id: string;
  /** The category declared in the rule file, if any; the derived one applies when it is higher. */
  label?: string;
  threshold: Hundredths;
  thresholdProvenance: Provenance;
  items: readonly ItemScoring[];
}

export interface Escalation {
  when: Condition;
  priority: string;
}

export interface FollowUpRule {
  id: string;
  /** The answer (`yes` or `no`) that generates the extra action. */
  on: 'yes' | 'no';
  action: string;
  priority: string;
}

export interface CarePathRule {
  id: string;
  /** The category declared in the rule file, if any; the derived one applies when it is higher. */
  label?: string;
  provenance: Provenance;
  trigger: Condition;
  priority: string;
  escalations: readonly Escalation[];
  actions: readonly string[];
  followUps: readonly FollowUpRule[];
}

/** The scoring and care paths of one questionnaire version, ready to compile. */
export interface ScreeningRuleSet {
  id: string;
  version: string;
  /** SHA-256 of the canonical JSON of the normalised questionnaire and rules. */
  sha256: string;
  questionnaire: Questionnaire;
  indicators: readonly IndicatorRule[];
  /** Priorities from lowest to highest. */
  priorities: readonly string[];
  actions: readonly string[];
  carePaths: readonly CarePathRule[];
  source: SourceLocation;
}

/** Every screening rule set found in a folder, by questionnaire reference (`id@version`). */
export interface RuleSetCatalog {
  screenings: ReadonlyMap<string, ScreeningRuleSet>;
  /** Every questionnaire found, by `id@version`, including those without rules. */
  questionnaires: ReadonlyMap<string, Questionnaire>;
}
