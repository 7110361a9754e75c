import { Engine } from 'json-rules-engine';
import { errorFinding, InputError } from '../findings/index.js';
import type { VisibilityRules } from './rules.js';

/** The person a view is made for. */
export interface Viewer {
  /** The role id of the visibility rules, for example `A`, `B` or `none`. */
  role: string;
  /** Identifies the viewer as the author of suspicion notes. */
  id?: string;
  /** Set when the viewer is her named care coordinator. */
  careCoordinator?: boolean;
  /** Set when she has explicitly allowed this viewer to see all her data. */
  explicitPermission?: boolean;
}

/**
 * Decides, through json-rules-engine, which data categories `viewer` may see. An unknown role
 * is invalid input. A condition of an exception holds only when its fact is exactly `true`:
 * a missing permission never grants anything.
 */
export async function visibleCategories(rules: VisibilityRules, viewer: Viewer): Promise<Set<string>> {
  if (!rules.roles.some((role) => role.id === viewer.role)) {
    throw new InputError([errorFinding('visibility.unknownRole', { role: viewer.role, allowed: rules.roles.map((role) => role.id) })]);
  }

  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const operator of ['notEqual', 'notIn', 'doesNotContain']) engine.removeOperator(operator);
  for (const role of rules.roles) {
    engine.addRule({
      conditions: { all: [{ fact: 'role', operator: 'equal', value: role.id }] },
      event: { type: 'sees', params: { categories: [...role.sees] } },
    });
  }
  for (const exception of rules.exceptions.filter((entry) => entry.enabled)) {
    const requirements = exception.requires.map((requirement) => ({
      fact: requirement === 'care_coordinator' ? 'careCoordinator' : 'explicitPermission',
      operator: 'equal',
      value: true,
    }));
    engine.addRule({
      conditions: { all: [{ fact: 'role', operator: 'equal', value: exception.role }, ...requirements] },
      event: { type: 'sees', params: { categories: [...exception.grants] } },
    });
  }

  const { events } = await engine.run({
    role: viewer.role,
    careCoordinator: viewer.careCoordinator,
    explicitPermission: viewer.explicitPermission,
  });
  const categories = new Set<string>();
  for (const event of events) for (const category of (event.params?.['categories'] as string[]) ?? []) categories.add(category);
  return categories;
}
