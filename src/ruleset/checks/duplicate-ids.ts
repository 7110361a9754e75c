import type { Finding, PathSegment } from '../../findings/index.js';
import type { SourceDocument } from '../../source/index.js';
import { errorAt, type ScreeningCheck } from './context.js';

/**
 * Rejects an id used twice among items, options, indicators, care paths, actions or follow-up
 * questions, and a follow-up question that a second care path also asks.
 */
export const duplicateIds: ScreeningCheck = {
  name: 'duplicate-ids',
  run({ rules, rulesDocument, questionnaire, questionnaireDocument }) {
    const findings: Finding[] = [];
    const report = (document: SourceDocument, ids: readonly string[], basePath: PathSegment[], suffix: PathSegment[]) => {
      const seen = new Set<string>();
      ids.forEach((id, index) => {
        if (seen.has(id)) findings.push(errorAt(document, [...basePath, index, ...suffix], 'rules.duplicateId', { id }));
        seen.add(id);
      });
    };

    report(questionnaireDocument, questionnaire.items.map((item) => item.id), ['items'], ['id']);
    report(questionnaireDocument, (questionnaire.identification ?? []).map((field) => field.id), ['identification'], ['id']);
    questionnaire.items.forEach((item, index) => report(questionnaireDocument, item.options, ['items', index, 'options'], []));
    report(rulesDocument, rules.indicators.map((indicator) => indicator.id), ['indicators'], ['id']);
    report(rulesDocument, rules.carePaths.map((carePath) => carePath.id), ['carePaths'], ['id']);
    report(rulesDocument, rules.actions, ['actions'], []);

    // A follow-up question belongs to the one care path that asks it.
    const owner = new Map<string, string>();
    rules.carePaths.forEach((carePath, carePathIndex) =>
      (carePath.followUps ?? []).forEach((followUp, index) => {
        const path: PathSegment[] = ['carePaths', carePathIndex, 'followUps', index, 'id'];
        const other = owner.get(followUp.id);
        if (other === undefined) owner.set(followUp.id, carePath.id);
        else if (other === carePath.id) findings.push(errorAt(rulesDocument, path, 'rules.duplicateId', { id: followUp.id }));
        else findings.push(errorAt(rulesDocument, path, 'rules.followUpOfOtherCarePath', { id: followUp.id, carePath: carePath.id, other }));
      }),
    );
    return findings;
  },
};
