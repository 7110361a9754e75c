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

/** Returns the text of one reason in the translator's language. */
export function accessReasonText(reason: AccessReason, translator: Translator): string {
  return translator.t(`access:reason.${reason.code}`, reason.params);
}

/** Lists the reason codes of a rule set that have no text in the translator's language. */
export function reasonsWithoutText(ruleSet: AccessRuleSet, translator: Translator): string[] {
  return ruleSet.rules.map((rule) => rule.id).filter((code) => !translator.has(`access:reason.${code}`));
}

/**
 * Renders a decision for people: the decision, the mode, every reason with its effect, and
 * the rule set that decided.
 */
export function renderAccessDecisionText(decision: AccessDecision, translator: Translator): string {
  const t = (key: string, params?: Record<string, unknown>) => translator.t(`access:${key}`, params);
  const lines = [
    `${t('text.decision')}: ${t(`decision.${decision.decision}`)}`,
    `${t('text.mode')}: ${decision.mode ? t(`mode.${decision.mode}`) : t('mode.none')}`,
    `${t('text.professional')}: ${decision.professional}`,
    `${t('text.dossier')}: ${decision.dossier}`,
    `${t('text.at')}: ${brusselsWallClock.format(new Date(decision.at))} (Europe/Brussels)`,
    `${t('text.reasons')}:`,
  ];
  for (const reason of decision.reasons) {
    lines.push(`  - [${t(`effect.${reason.effect}`)}] ${reason.code}: ${accessReasonText(reason, translator)}`);
  }
  lines.push(`${t('text.ruleSet')}: ${decision.ruleSet.id} ${decision.ruleSet.version}`);
  return lines.join('\n') + '\n';
}
