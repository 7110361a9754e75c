/** The rule files "as written": the shapes the JSON Schemas in `schemas/` accept. */

import type { Provenance } from './types.js';

export interface WrittenAnswerCondition {
  answer: string;
  in?: string[];
  notIn?: string[];
}

export type WrittenCondition =
  | WrittenAnswerCondition
  | { positive: string }
  | { positiveCount: { atLeast: number } }
  | { all: WrittenCondition[] }
  | { any: WrittenCondition[] };

export interface WrittenQuestionnaire {
  kind: 'Questionnaire';
  id: string;
  version: string;
  categories: string[];
  identification?: { id: string; required: boolean }[];
  items: { id: string; category: string; options: string[]; enableWhen?: WrittenAnswerCondition }[];
}

export interface WrittenRange {
  min: number;
  max: number;
}

export interface WrittenScreeningRules {
  kind: 'ScreeningRules';
  id: string;
  version: string;
  questionnaire: string;
  pointsRange: WrittenRange;
  thresholdRange: WrittenRange;
  indicators: {
    id: string;
    /** A declared data category; it may raise the derived category, never lower it. */
    category?: string;
    threshold: { value: number; provenance: Provenance };
    items: { item: string; provenance: Provenance; points: Record<string, number> }[];
  }[];
  priorities: string[];
  actions: string[];
  carePaths: {
    id: string;
    /** A declared data category; it may raise the derived category, never lower it. */
    category?: string;
    provenance: Provenance;
    trigger: WrittenCondition;
    priority: string;
    escalations?: { when: WrittenCondition; priority: string }[];
    actions: string[];
    followUps?: { id: string; on: 'yes' | 'no'; action: string; priority: string }[];
  }[];
}
