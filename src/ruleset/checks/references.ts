import type { Finding, PathSegment } from '../../findings/index.js';
import type { WrittenCondition } from '../written.js';
import { errorAt, type ScreeningCheck, type ScreeningCheckContext } from './context.js';

/**
 * Rejects references that do not resolve: an indicator reading an unknown item, points for an
 * unknown option, an option without points, a condition naming an unknown item, option or
 * indicator, and a care path naming an unknown action or priority.
 */
export const unresolvedReferences: ScreeningCheck = {
  name: 'unresolved-references',
  run(context) {
    const { rules, rulesDocument, questionnaire } = context;
    const findings: Finding[] = [];
    const items = new Map(questionnaire.items.map((item) => [item.id, item]));
    const actions = new Set(rules.actions);
    const priorities = new Set(rules.priorities);

    rules.indicators.forEach((indicator, indicatorIndex) => {
      indicator.items.forEach((scoring, scoringIndex) => {
        const path: PathSegment[] = ['indicators', indicatorIndex, 'items', scoringIndex];
        const item = items.get(scoring.item);
        if (!item) {
          findings.push(
            errorAt(rulesDocument, [...path, 'item'], 'rules.unknownItem', {
              item: scoring.item,
              questionnaire: `${questionnaire.id}@${questionnaire.version}`,
            }),
          );
          return;
        }
        for (const option of Object.keys(scoring.points)) {
          if (!item.options.includes(option)) {
            findings.push(
              errorAt(rulesDocument, [...path, 'points', option], 'rules.unknownOption', { item: item.id, option, allowed: item.options }, { key: true }),
            );
          }
        }
        for (const option of item.options) {
          if (!(option in scoring.points)) {
            findings.push(errorAt(rulesDocument, [...path, 'points'], 'rules.optionWithoutPoints', { item: item.id, option }));
          }
        }
      });
    });

    rules.carePaths.forEach((carePath, carePathIndex) => {
      const path: PathSegment[] = ['carePaths', carePathIndex];
      findings.push(...conditionReferences(context, carePath.trigger, [...path, 'trigger']));
      if (!priorities.has(carePath.priority)) {
        findings.push(errorAt(rulesDocument, [...path, 'priority'], 'rules.unknownPriority', { priority: carePath.priority, allowed: rules.priorities }));
      }
      (carePath.escalations ?? []).forEach((escalation, index) => {
        findings.push(...conditionReferences(context, escalation.when, [...path, 'escalations', index, 'when']));
        if (!priorities.has(escalation.priority)) {
          findings.push(
            errorAt(rulesDocument, [...path, 'escalations', index, 'priority'], 'rules.unknownPriority', { priority: escalation.priority, allowed: rules.priorities }),
          );
        }
      });
      carePath.actions.forEach((action, index) => {
        if (!actions.has(action)) findings.push(errorAt(rulesDocument, [...path, 'actions', index], 'rules.unknownAction', { action }));
      });
      (carePath.followUps ?? []).forEach((followUp, index) => {
        const followUpPath = [...path, 'followUps', index];
        if (!actions.has(followUp.action)) findings.push(errorAt(rulesDocument, [...followUpPath, 'action'], 'rules.unknownAction', { action: followUp.action }));
        if (!priorities.has(followUp.priority)) {
          findings.push(errorAt(rulesDocument, [...followUpPath, 'priority'], 'rules.unknownPriority', { priority: followUp.priority, allowed: rules.priorities }));
        }
      });
    });
    return findings;
  },
};

function conditionReferences(context: ScreeningCheckContext, condition: WrittenCondition, path: PathSegment[]): Finding[] {
  const { rules, rulesDocument, questionnaire } = context;
  if ('all' in condition) return condition.all.flatMap((inner, index) => conditionReferences(context, inner, [...path, 'all', index]));
  if ('any' in condition) return condition.any.flatMap((inner, index) => conditionReferences(context, inner, [...path, 'any', index]));
  if ('positive' in condition) {
    const known = rules.indicators.some((indicator) => indicator.id === condition.positive);
    return known ? [] : [errorAt(rulesDocument, [...path, 'positive'], 'rules.unknownIndicator', { indicator: condition.positive })];
  }
  if ('answer' in condition) {
    const item = questionnaire.items.find((candidate) => candidate.id === condition.answer);
    if (!item) {
      return [
        errorAt(rulesDocument, [...path, 'answer'], 'rules.unknownItem', {
          item: condition.answer,
          questionnaire: `${questionnaire.id}@${questionnaire.version}`,
        }),
      ];
    }
    const listKey = condition.in ? 'in' : 'notIn';
    const listed = condition.in ?? condition.notIn ?? [];
    return listed.flatMap((option, index) =>
      item.options.includes(option) ? [] : [errorAt(rulesDocument, [...path, listKey, index], 'rules.unknownOption', { item: item.id, option, allowed: item.options })],
    );
  }
  return [];
}
