import type { Finding } from '../findings/index.js';
import { readYamlFile, type SourceDocument } from '../source/index.js';
import type { AccessRequest } from './request.js';
import { checkRequestContent, isRealInstant } from './request-check.js';
import { checkAccessSchema, findingAt } from './schema-validation.js';

/**
 * A scenario file: one access request and the instant it is made, so policy owners can try
 * the rules on a concrete case (`bib access <file>`).
 */
export interface AccessScenario {
  file: string;
  description?: string;
  now: Date;
  request: AccessRequest;
}

export type AccessScenarioOutcome = { ok: true; scenario: AccessScenario } | { ok: false; findings: Finding[] };

interface WrittenScenario extends AccessRequest {
  kind: 'AccessScenario';
  format: 1;
  description?: string;
  now: string;
}

/** Reads and checks a scenario file; every problem is a finding with its line and column. */
export async function loadAccessScenario(file: string): Promise<AccessScenarioOutcome> {
  const parsed = await readYamlFile(file);
  if (!parsed.ok) return parsed;
  return checkAccessScenario(parsed.document);
}

/** Checks a parsed scenario document against its schema and the request rules. */
export function checkAccessScenario(document: SourceDocument): AccessScenarioOutcome {
  const schemaFindings = checkAccessSchema(document.data, 'scenario', document);
  if (schemaFindings.length > 0) return { ok: false, findings: schemaFindings };

  const written = document.data as WrittenScenario;
  const findings = checkRequestContent(written, document);
  if (!isRealInstant(written.now)) findings.push(findingAt('access:request.invalidInstant', { value: written.now }, ['now'], document));
  if (findings.length > 0) return { ok: false, findings };

  const { professional, dossier, presence } = written;
  const request: AccessRequest = { professional, dossier, ...(presence ? { presence } : {}) };
  return {
    ok: true,
    scenario: {
      file: document.file,
      ...(written.description !== undefined ? { description: written.description } : {}),
      now: new Date(written.now),
      request,
    },
  };
}
