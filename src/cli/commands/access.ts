import { relative, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import {
  accessReasonText,
  decideAccess,
  loadAccessRules,
  loadAccessScenario,
  reasonsWithoutText,
  renderAccessDecisionText,
  type AccessAuditEvent,
} from '../../access/index.js';
import { InputError, errorFinding, type Finding } from '../../findings/index.js';
import type { CliContext } from '../context.js';

export interface AccessOptions {
  scenarioFile: string;
  format: 'text' | 'json';
  /** A rules file to use instead of the shipped `rules/access/access-rules.yaml`. */
  rulesFile?: string;
}

/**
 * Evaluates one access scenario and prints the decision with every reason. Returns 0 for an
 * evaluated scenario, whether access is allowed or denied; bad input is thrown as InputError.
 */
export async function runAccess(options: AccessOptions, context: CliContext): Promise<number> {
  const rulesPath = options.rulesFile === undefined ? undefined : resolve(context.io.cwd, options.rulesFile);
  const rules = await loadAccessRules(rulesPath);
  if (!rules.ok) throw new InputError(relabel(rules.findings, context, options.rulesFile));

  const translator = context.translator();
  const untranslated = reasonsWithoutText(rules.ruleSet, translator);
  if (untranslated.length > 0) {
    const file = options.rulesFile ?? relative(context.io.cwd, rules.ruleSet.file);
    throw new InputError(untranslated.map((id) => errorFinding('access:rules.reasonWithoutText', { id, locale: translator.locale }, { file })));
  }

  const loaded = await loadAccessScenario(resolve(context.io.cwd, options.scenarioFile));
  if (!loaded.ok) throw new InputError(relabel(loaded.findings, context, options.scenarioFile));
  const { scenario } = loaded;

  const auditEvents: AccessAuditEvent[] = [];
  const decision = await decideAccess(scenario.request, {
    ruleSet: rules.ruleSet,
    now: scenario.now,
    audit: (event) => {
      auditEvents.push(event);
    },
  });

  if (options.format === 'json') {
    const reasons = decision.reasons.map((reason) => ({ ...reason, text: accessReasonText(reason, translator) }));
    const output = {
      scenario: options.scenarioFile,
      ...(scenario.description !== undefined ? { description: scenario.description } : {}),
      locale: translator.locale,
      ...decision,
      reasons,
      audit: auditEvents,
    };
    context.out(JSON.stringify(output, null, 2) + '\n');
  } else {
    context.out(renderAccessDecisionText(decision, translator));
  }
  return 0;
}

export function registerAccessCommand(program: Command, context: CliContext): void {
  program
    .command('access')
    .description('decide whether a professional may open a dossier, for one scenario file, and print every reason')
    .argument('<scenario-file>', 'scenario (YAML or JSON): now, professional, dossier, presence')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--rules <file>', 'access rules file to use instead of the shipped rules/access/access-rules.yaml')
    .addHelpText(
      'after',
      '\nExit status: 0 when the scenario was evaluated (allowed or denied), 2 for an invalid scenario or rules file.\n\nExamples:\n  bib access examples/access/allowed-midwife.yaml\n  bib --locale fr access examples/access/consent-withdrawn.yaml --format json',
    )
    .action(async (scenarioFile: string, flags: { format: 'text' | 'json'; rules?: string }) => {
      context.exitCode = await runAccess(
        { scenarioFile, format: flags.format, ...(flags.rules !== undefined ? { rulesFile: flags.rules } : {}) },
        context,
      );
    });
}

/** Findings name the file as the user typed it, not as an absolute path. */
function relabel(findings: Finding[], context: CliContext, typed: string | undefined): Finding[] {
  return findings.map((finding) => {
    if (finding.file === undefined) return finding;
    const file = typed ?? relative(context.io.cwd, finding.file);
    return { ...finding, file, params: relabelParams(finding.params, finding.file, file) };
  });
}

function relabelParams(params: Finding['params'], from: string, to: string): Finding['params'] {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, value === from ? to : value]));
}
