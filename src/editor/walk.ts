import { InternalError } from '../findings/index.js';
import type { QuestionnaireItem, ScreeningRuleSet } from '../ruleset/index.js';
import { evaluateScreening, type AnswerSet } from '../screening/index.js';
import { isItemEnabled } from './enable-condition.js';

/** A follow-up question of a triggered care path. */
export interface PendingFollowUp {
  id: string;
  carePath: string;
}

/** The question a walk-through asks next, with its place in the questionnaire. */
export type WalkStep =
  | {
      kind: 'item';
      item: QuestionnaireItem;
      /** 1-based place among the items asked with the answers so far. */
      position: number;
      total: number;
      /** The answer given before, when she came back to this question. */
      previous?: string;
      canGoBack: boolean;
    }
  | { kind: 'followUp'; followUp: PendingFollowUp; position: number; total: number; previous?: string; canGoBack: boolean };

/** Lists the follow-up questions of the care paths that the answers trigger. */
export type FollowUpFinder = (answers: Readonly<Record<string, string>>) => Promise<PendingFollowUp[]>;

type Place = { phase: 'items'; index: number } | { phase: 'followUps'; index: number } | { phase: 'done' };

/**
 * The state of one walk through a questionnaire: every enabled item in order, then the
 * follow-up questions of the triggered care paths. It keeps no terminal state, so the CLI
 * drives it with prompts and tests drive it directly.
 *
 * Going back returns to the question answered just before. Changing an answer that controls
 * a later item drops that item's answer when the item is no longer asked, and the follow-up
 * questions are worked out again each time the items are finished.
 */
export class QuestionnaireWalk {
  private readonly answers: Record<string, string> = {};
  private readonly followUpAnswers: Record<string, string> = {};
  private followUps: PendingFollowUp[] = [];
  private place: Place;
  private readonly history: Place[] = [];

  constructor(
    private readonly ruleSet: ScreeningRuleSet,
    private readonly findFollowUps: FollowUpFinder = triggeredFollowUps(ruleSet),
  ) {
    const first = this.nextItemIndex(-1);
    this.place = first === undefined ? { phase: 'done' } : { phase: 'items', index: first };
  }

  /** Starts a walk. When no item is enabled, it goes straight to the follow-up questions. */
  static async start(ruleSet: ScreeningRuleSet, findFollowUps?: FollowUpFinder): Promise<QuestionnaireWalk> {
    const walk = new QuestionnaireWalk(ruleSet, findFollowUps);
    if (walk.place.phase === 'done') await walk.enterFollowUps();
    return walk;
  }

  get finished(): boolean {
    return this.place.phase === 'done';
  }

  /** Returns the question to ask now, or undefined when the walk is finished. */
  current(): WalkStep | undefined {
    const place = this.place;
    const canGoBack = this.history.length > 0;

    if (place.phase === 'items') {
      const item = this.ruleSet.questionnaire.items[place.index]!;
      const enabled = this.enabledItemIndexes();
      const previous = this.answers[item.id];
      return { kind: 'item', item, position: enabled.indexOf(place.index) + 1, total: enabled.length, canGoBack, ...(previous ? { previous } : {}) };
    }
    if (place.phase === 'followUps') {
      const followUp = this.followUps[place.index]!;
      const previous = this.followUpAnswers[followUp.id];
      return { kind: 'followUp', followUp, position: place.index + 1, total: this.followUps.length, canGoBack, ...(previous ? { previous } : {}) };
    }
    return undefined;
  }

  /** Records the answer to the current question (an option code, `declined`, or for a follow-up `yes` or `no`) and moves on. */
  async answer(value: string): Promise<void> {
    const step = this.current();
    if (!step) throw new InternalError('the walk-through is finished: there is no question to answer');
    this.validate(step, value);
    this.history.push(this.place);

    if (step.kind === 'followUp') {
      this.followUpAnswers[step.followUp.id] = value;
      const index = (this.place as { index: number }).index + 1;
      this.place = index < this.followUps.length ? { phase: 'followUps', index } : { phase: 'done' };
      return;
    }

    this.answers[step.item.id] = value;
    this.dropAnswersOfSkippedItems();
    const next = this.nextItemIndex((this.place as { index: number }).index);
    if (next !== undefined) this.place = { phase: 'items', index: next };
    else await this.enterFollowUps();
  }

  /** Goes back to the question answered just before. Returns false when there is none. */
  back(): boolean {
    const previous = this.history.pop();
    if (!previous) return false;
    this.place = previous;
    return true;
  }

  /** Returns the answers so far in the public answers format. */
  answerSet(): AnswerSet {
    const asked = new Set(this.followUps.map((followUp) => followUp.id));
    const followUps = Object.fromEntries(Object.entries(this.followUpAnswers).filter(([id]) => asked.has(id)));
    return {
      questionnaire: { id: this.ruleSet.questionnaire.id, version: this.ruleSet.questionnaire.version },
      answers: { ...this.answers },
      followUps,
    };
  }

  private validate(step: WalkStep, value: string): void {
    const allowed = step.kind === 'item' ? [...step.item.options, 'declined'] : ['yes', 'no', 'declined'];
    if (!allowed.includes(value)) throw new InternalError(`"${value}" is not an answer to ${step.kind === 'item' ? step.item.id : step.followUp.id}; expected one of ${allowed.join(', ')}`);
  }

  private async enterFollowUps(): Promise<void> {
    this.followUps = await this.findFollowUps({ ...this.answers });
    this.place = this.followUps.length > 0 ? { phase: 'followUps', index: 0 } : { phase: 'done' };
  }

  private enabledItemIndexes(): number[] {
    const items = this.ruleSet.questionnaire.items;
    return items.flatMap((item, index) => (isItemEnabled(item, this.answers) ? [index] : []));
  }

  private nextItemIndex(after: number): number | undefined {
    return this.enabledItemIndexes().find((index) => index > after);
  }

  private dropAnswersOfSkippedItems(): void {
    for (const item of this.ruleSet.questionnaire.items) {
      if (item.id in this.answers && !isItemEnabled(item, this.answers)) delete this.answers[item.id];
    }
  }
}

/** Finds follow-up questions by screening the answers given so far with the rule set. */
export function triggeredFollowUps(ruleSet: ScreeningRuleSet): FollowUpFinder {
  return async (answers) => {
    const questionnaire = { id: ruleSet.questionnaire.id, version: ruleSet.questionnaire.version };
    const result = await evaluateScreening(ruleSet, { questionnaire, answers: { ...answers }, followUps: {} });

    const seen = new Set<string>();
    const pending: PendingFollowUp[] = [];
    for (const carePath of result.carePaths) {
      for (const followUp of carePath.followUps) {
        if (seen.has(followUp.id)) continue;
        seen.add(followUp.id);
        pending.push({ id: followUp.id, carePath: carePath.id });
      }
    }
    return pending;
  };
}
