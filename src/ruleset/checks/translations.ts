import { join } from 'node:path';
import { errorFinding, type Finding, type PathSegment } from '../../findings/index.js';
import { loadLocaleResources, supportedLocales, type LocaleResources } from '../../i18n/index.js';
import { packageRoot } from '../../package-root.js';
import type { SourceDocument } from '../../source/index.js';
import { errorAt, type ScreeningCheck, type ScreeningCheckContext } from './context.js';

/** Something a rule set names that people read: where it is written and the texts it needs. */
interface TextOwner {
  code: string;
  id: string;
  document: SourceDocument;
  path: PathSegment[];
  /** Keys as `namespace:key`, in the layout of `locales/<lng>/questionnaire.json` and `screening.json`. */
  keys: string[];
}

/**
 * Builds the check that every item, option, category, identification field, follow-up
 * question, indicator, care path, action and priority has its text in every language under
 * `localesDir`. It reports one finding per thing and language, naming each missing key.
 */
export function translationCheck(localesDir: string = join(packageRoot, 'locales'), locales: readonly string[] = supportedLocales): ScreeningCheck {
  return {
    name: 'translations',
    run(context) {
      const findings: Finding[] = [];
      const owners = textOwners(context);

      for (const locale of locales) {
        let resources: LocaleResources;
        try {
          resources = loadLocaleResources(locale, localesDir);
        } catch (cause) {
          const detail = cause instanceof Error ? cause.message : String(cause);
          findings.push(errorFinding('validate:translation.localeUnreadable', { locale, dir: localesDir, detail }, { file: join(localesDir, locale) }));
          continue;
        }

        for (const owner of owners) {
          const missing = owner.keys.filter((key) => !hasText(resources, key));
          if (missing.length === 0) continue;
          findings.push(errorAt(owner.document, owner.path, owner.code, { id: owner.id, locale, keys: missing }));
        }
      }
      return findings;
    },
  };
}

/** The translation check against the shipped `locales/` folder, the one the renderers read. */
export const translations: ScreeningCheck = translationCheck();

function textOwners({ rules, rulesDocument, questionnaire, questionnaireDocument }: ScreeningCheckContext): TextOwner[] {
  const owners: TextOwner[] = [];
  const add = (code: string, id: string, document: SourceDocument, path: PathSegment[], keys: string[]) =>
    owners.push({ code: `validate:translation.${code}`, id, document, path, keys });

  questionnaire.categories.forEach((category, index) =>
    add('category', category, questionnaireDocument, ['categories', index], [`questionnaire:categories.${category}`]),
  );
  (questionnaire.identification ?? []).forEach((field, index) =>
    add('identification', field.id, questionnaireDocument, ['identification', index, 'id'], [`questionnaire:identification.${field.id}`]),
  );
  questionnaire.items.forEach((item, index) =>
    add('item', item.id, questionnaireDocument, ['items', index, 'id'], [
      `questionnaire:items.${item.id}.question`,
      ...item.options.map((option) => `questionnaire:items.${item.id}.options.${option}`),
    ]),
  );

  rules.indicators.forEach((indicator, index) =>
    add('indicator', indicator.id, rulesDocument, ['indicators', index, 'id'], [
      `screening:indicators.${indicator.id}.name`,
      `screening:indicators.${indicator.id}.positive`,
    ]),
  );
  rules.priorities.forEach((priority, index) => add('priority', priority, rulesDocument, ['priorities', index], [`screening:priority.${priority}`]));
  rules.actions.forEach((action, index) => add('action', action, rulesDocument, ['actions', index], [`screening:actions.${action}`]));
  rules.carePaths.forEach((carePath, index) => {
    add('carePath', carePath.id, rulesDocument, ['carePaths', index, 'id'], [
      `screening:carePaths.${carePath.id}.name`,
      `screening:carePaths.${carePath.id}.description`,
    ]);
    (carePath.followUps ?? []).forEach((followUp, followUpIndex) =>
      add('followUp', followUp.id, rulesDocument, ['carePaths', index, 'followUps', followUpIndex, 'id'], [
        `questionnaire:followUps.${followUp.id}.question`,
        `questionnaire:followUps.${followUp.id}.options.yes`,
        `questionnaire:followUps.${followUp.id}.options.no`,
      ]),
    );
  });
  return owners;
}

/** Tells whether `namespace:dotted.key` leads to a non-empty text. */
function hasText(resources: LocaleResources, key: string): boolean {
  const [namespace = '', dotted = ''] = key.split(':', 2);
  let current: unknown = resources[namespace];
  for (const segment of dotted.split('.')) {
    if (current === null || typeof current !== 'object') return false;
    current = (current as Record<string, unknown>)[segment];
  }
  return typeof current === 'string' && current.trim() !== '';
}
