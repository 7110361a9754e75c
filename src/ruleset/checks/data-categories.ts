import type { Finding } from '../../findings/index.js';
import { errorAt, type ScreeningCheck } from './context.js';

/** The data category of the identification fields of a questionnaire. */
const identificationCategory = 'identification';

/**
 * Rejects a questionnaire whose identification fields have no data category: they belong to
 * the category `identification`, so it must be declared in `categories` for visibility and
 * retention to know how sensitive they are. An item naming an undeclared category is
 * reported by the questionnaire-structure check.
 */
export const dataCategories: ScreeningCheck = {
  name: 'data-categories',
  run({ questionnaire, questionnaireDocument: document }) {
    const findings: Finding[] = [];
    const fields = questionnaire.identification ?? [];
    if (fields.length > 0 && !questionnaire.categories.includes(identificationCategory)) {
      findings.push(
        errorAt(document, ['categories'], 'validate:checks.identificationCategoryMissing', {
          category: identificationCategory,
          declared: questionnaire.categories,
        }),
      );
    }
    return findings;
  },
};
