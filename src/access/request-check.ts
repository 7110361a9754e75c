import type { Finding, PathSegment } from '../findings/index.js';
import { parseCivilDate } from '../periods/index.js';
import { looksLikeNationalNumber } from './national-number-guard.js';
import type { AccessRequest } from './request.js';
import { checkAccessSchema, findingAt, type FindingSource } from './schema-validation.js';

/**
 * Checks a request passed through the API: its JSON Schema first, then what a schema cannot
 * express (real dates, no national number in an identifier, one relationship per professional).
 */
export function checkAccessRequest(data: unknown, source: FindingSource = {}): Finding[] {
  const schemaFindings = checkAccessSchema(data, 'request', source);
  if (schemaFindings.length > 0) return schemaFindings;
  return checkRequestContent(data as AccessRequest, source);
}

/** Checks the content of a request that has passed its schema. */
export function checkRequestContent(request: AccessRequest, source: FindingSource): Finding[] {
  const findings: Finding[] = [];
  const { professional, dossier, presence } = request;

  const identifiers: [string | undefined, PathSegment[]][] = [
    [professional.id, ['professional', 'id']],
    [professional.organisation?.id, ['professional', 'organisation', 'id']],
    [dossier.pseudonym, ['dossier', 'pseudonym']],
    [presence?.dossier, ['presence', 'dossier']],
    [presence?.system, ['presence', 'system']],
    ...(dossier.relationships ?? []).map(
      (relationship, index): [string, PathSegment[]] => [relationship.professional, ['dossier', 'relationships', index, 'professional']],
    ),
  ];
  for (const [value, path] of identifiers) {
    if (value !== undefined && looksLikeNationalNumber(value)) {
      findings.push(findingAt('access:request.nationalNumber', { field: path.join('.') }, path, source));
    }
  }

  const dates: [string | undefined, PathSegment[]][] = [
    [professional.organisation?.partnershipEndLetterReceivedOn, ['professional', 'organisation', 'partnershipEndLetterReceivedOn']],
    ...(dossier.relationships ?? []).flatMap((relationship, index): [string | undefined, PathSegment[]][] => [
      [relationship.registeredOn, ['dossier', 'relationships', index, 'registeredOn']],
      [relationship.lastAccessOn, ['dossier', 'relationships', index, 'lastAccessOn']],
    ]),
  ];
  for (const [value, path] of dates) {
    if (value !== undefined && !parseCivilDate(value)) findings.push(findingAt('access:request.invalidDate', { value }, path, source));
  }

  if (presence) {
    if (!isRealInstant(presence.provedAt)) {
      findings.push(findingAt('access:request.invalidInstant', { value: presence.provedAt }, ['presence', 'provedAt'], source));
    }
    if (presence.method === 'trustedSystem' && presence.system === undefined) {
      findings.push(findingAt('access:request.systemMissing', {}, ['presence'], source));
    }
  }

  const seen = new Map<string, number>();
  for (const [index, relationship] of (dossier.relationships ?? []).entries()) {
    const first = seen.get(relationship.professional);
    if (first !== undefined) {
      const path = ['dossier', 'relationships', index, 'professional'];
      findings.push(findingAt('access:request.duplicateRelationship', { first: first + 1 }, path, source));
    } else {
      seen.set(relationship.professional, index);
    }
  }
  return findings;
}

/** True for an ISO 8601 instant (already matched by the schema's pattern) on a date that exists. */
export function isRealInstant(text: string): boolean {
  return parseCivilDate(text.slice(0, 10)) !== undefined && !Number.isNaN(new Date(text).getTime());
}
