import { loadAccessRules } from '../access/index.js';
import { checkAlternativeNumberRules } from '../identity/index.js';
import { checkRetentionRules } from '../retention/index.js';
import { findingsOfThrowingLoader, type KindCheck } from './kind-check.js';

/** Access rules, checked by the access loader: schema, periods, facts and their values. */
export const accessRulesCheck: KindCheck = {
  kinds: ['AccessRules'],
  async run(documents) {
    const findings = [];
    for (const { file } of documents) findings.push(...(await loadAccessRules(file)).findings);
    return findings;
  },
};

/** The rules of the alternative number (BIBNR), checked by the identity loader. */
export const alternativeNumberRulesCheck: KindCheck = {
  kinds: ['AlternativeNumberRules'],
  async run(documents) {
    return documents.flatMap(({ document }) => findingsOfThrowingLoader(() => checkAlternativeNumberRules(document)));
  },
};

/**
 * Retention rules, checked by the retention loader: schema, `from` dates, `keep` periods,
 * duplicate ids, and each field and value that a `when` tests.
 */
export const retentionRulesCheck: KindCheck = {
  kinds: ['RetentionRules'],
  async run(documents) {
    return documents.flatMap(({ document }) => findingsOfThrowingLoader(() => checkRetentionRules(document)));
  },
};
