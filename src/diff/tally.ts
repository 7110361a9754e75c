import type { Outcome, StatusOrAbsent } from './outcome.js';

export interface IndicatorTally {
  id: string;
  /** Answer sets in which the indicator is positive under each rule set. */
  positive: { base: number; head: number };
  /** Answer sets that became positive under head. */
  toPositive: number;
  /** Answer sets that were positive under base and are not under head. */
  fromPositive: number;
  /** Other changes of status, such as negative to incomplete. */
  otherChanges: number;
  /** Every change of status with its count, most frequent first. */
  transitions: { from: StatusOrAbsent; to: StatusOrAbsent; count: number }[];
}

export interface CarePathTally {
  id: string;
  /** Answer sets that trigger the care path under each rule set. */
  triggered: { base: number; head: number };
  newlyTriggered: number;
  noLongerTriggered: number;
  /** Answer sets that trigger it on both sides with another priority. */
  priorityChanged: number;
  /** Answer sets that trigger it on both sides with other actions. */
  actionsChanged: number;
}

/** Counts per indicator and care path over all answer sets; its size does not grow with them. */
export class DiffTally {
  private readonly indicators = new Map<string, { positive: { base: number; head: number }; transitions: Map<string, number> }>();
  private readonly carePaths = new Map<string, Omit<CarePathTally, 'id'>>();

  add(base: Outcome, head: Outcome): void {
    for (const id of new Set([...base.indicators.keys(), ...head.indicators.keys()])) {
      const entry = this.indicatorEntry(id);
      const before: StatusOrAbsent = base.indicators.get(id)?.status ?? 'absent';
      const after: StatusOrAbsent = head.indicators.get(id)?.status ?? 'absent';
      if (before === 'positive') entry.positive.base += 1;
      if (after === 'positive') entry.positive.head += 1;
      if (before !== after) {
        const key = `${before}>${after}`;
        entry.transitions.set(key, (entry.transitions.get(key) ?? 0) + 1);
      }
    }

    for (const id of new Set([...base.carePaths.keys(), ...head.carePaths.keys()])) {
      const entry = this.carePathEntry(id);
      const before = base.carePaths.get(id);
      const after = head.carePaths.get(id);
      if (before) entry.triggered.base += 1;
      if (after) entry.triggered.head += 1;
      if (!before && after) entry.newlyTriggered += 1;
      if (before && !after) entry.noLongerTriggered += 1;
      if (before && after && before.priority !== after.priority) entry.priorityChanged += 1;
      if (before && after && before.actions.join('\u0000') !== after.actions.join('\u0000')) entry.actionsChanged += 1;
    }
  }

  /** Registers ids in rule-set order before counting, so tables list every indicator and care path. */
  declare(indicators: Iterable<string>, carePaths: Iterable<string>): void {
    for (const id of indicators) this.indicatorEntry(id);
    for (const id of carePaths) this.carePathEntry(id);
  }

  indicatorTallies(): IndicatorTally[] {
    return [...this.indicators].map(([id, entry]) => {
      const transitions = [...entry.transitions]
        .map(([key, count]) => {
          const [from, to] = key.split('>') as [StatusOrAbsent, StatusOrAbsent];
          return { from, to, count };
        })
        .sort((a, b) => b.count - a.count || `${a.from}>${a.to}`.localeCompare(`${b.from}>${b.to}`));
      const sum = (select: (transition: (typeof transitions)[number]) => boolean) =>
        transitions.filter(select).reduce((total, transition) => total + transition.count, 0);
      return {
        id,
        positive: { ...entry.positive },
        toPositive: sum((transition) => transition.to === 'positive'),
        fromPositive: sum((transition) => transition.from === 'positive'),
        otherChanges: sum((transition) => transition.from !== 'positive' && transition.to !== 'positive'),
        transitions,
      };
    });
  }

  carePathTallies(): CarePathTally[] {
    return [...this.carePaths].map(([id, entry]) => ({ id, ...entry, triggered: { ...entry.triggered } }));
  }

  private indicatorEntry(id: string) {
    let entry = this.indicators.get(id);
    if (!entry) {
      entry = { positive: { base: 0, head: 0 }, transitions: new Map() };
      this.indicators.set(id, entry);
    }
    return entry;
  }

  private carePathEntry(id: string) {
    let entry = this.carePaths.get(id);
    if (!entry) {
      entry = { triggered: { base: 0, head: 0 }, newlyTriggered: 0, noLongerTriggered: 0, priorityChanged: 0, actionsChanged: 0 };
      this.carePaths.set(id, entry);
    }
    return entry;
  }
}
