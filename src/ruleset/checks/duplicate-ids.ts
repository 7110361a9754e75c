import type { Finding, PathSegment } from '../../findings/index.js';
import type { SourceDocument } from '../../source/index.js';
import { errorAt, type ScreeningCheck } from './context.js';

/** Rejects an id used twice among items, options, indicators, care paths, actions or follow-up questions. */
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

    const followUpIds: { id: string; path: PathSegment[] }[] = [];
    rules.carePaths.forEach((carePath, carePathIndex) =>
      (carePath.followUps ?? []).forEach((followUp, index) =>
        followUpIds.push({ id: followUp.id, path: ['carePaths', carePathIndex, 'followUps', index, 'id'] }),
      ),
    );
    const seenFollowUps = new Set<string>();
    for (const { id, path } of followUpIds) {
      if (seenFollowUps.has(id)) findings.push(errorAt(rulesDocument, path, 'rules.duplicateId', { id }));
      seenFollowUps.add(id);
    }
    return findings;
  },
};
