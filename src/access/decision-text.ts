import type { Translator } from '../i18n/index.js';
import type { AccessDecision, AccessReason } from './decision.js';
import type { AccessRuleSet } from './rule-set.js';

// Swedish formatting gives ISO-like `2026-02-28 16:45:00`, readable in every supported language.
const brusselsWallClock = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/**
 * Returns the text of one reason in the translator's language. A reason of an allowed access
 * is translated with the i18next context `accessEnd`, so the key `reason.<code>_fixed` can tell
 * that a new access or registration would not extend the access. A code without that key
 * falls back to `reason.<code>`.
 */
export function accessReasonText(reason: AccessReason, translator: Translator): string {
  const context = reason.params['accessEnd'];
  return translator.t(`access:reason.${reason.code}`, context === undefined ? reason.params : { ...reason.params, context });
}

/** Lists the reason codes of a rule set that have no text in the translator's language. */
export function reasonsWithoutText(ruleSet: AccessRuleSet, translator: Translator): string[] {
  return ruleSet.rules.map((rule) => rule.id).filter((code) => !translator.has(`access:reason.${code}`));
}

/**
 * Renders a decision for people: the decision, the mode, every reason with its effect, and
 * the rule set that decided. Labels and their separators come from the texts, because French
 * puts a space before the colon.
 */
export function renderAccessDecisionText(decision: AccessDecision, translator: Translator): string {
  const t = (key: string, params?: Record<string, unknown>) => translator.t(`access:${key}`, params);
  const field = (label: string, value: string) => t('text.field', { label, value });
  const lines = [
    field(t('text.decision'), t(`decision.${decision.decision}`)),
    field(t('text.mode'), decision.mode ? t(`mode.${decision.mode}`) : t('mode.none')),
    field(t('text.professional'), decision.professional),
    field(t('text.dossier'), decision.dossier),
    field(t('text.at'), `${brusselsWallClock.format(new Date(decision.at))} (Europe/Brussels)`),
    t('text.heading', { label: t('text.reasons') }),
  ];
  for (const reason of decision.reasons) {
    lines.push(`  - [${t(`effect.${reason.effect}`)}] ${field(reason.code, accessReasonText(reason, translator))}`);
  }
  lines.push(field(t('text.ruleSet'), `${decision.ruleSet.id} ${decision.ruleSet.version}`));
  return lines.join('\n') + '\n';
}
