import type { ErrorObject } from 'ajv';
import { errorFinding, type Finding, type PathSegment } from '../findings/index.js';
import type { SourceDocument } from '../source/index.js';
import type { WrittenAlternativeRules } from './alternative-rules.js';
import { describeValue, expectedType, locate, locateKey } from '../source/schema-errors.js';
import { pointerToPath, valueAt } from '../source/json-pointer.js';

/**
 * Findings of an alternative-number rule file, each with its own message code in the
 * `identity:rules` namespace, so that no English text from ajv reaches a message.
 */

/** Turns the schema violations of a rule file into findings with the line and column of each value. */
export function schemaFindings(errors: readonly ErrorObject[], document: SourceDocument): Finding[] {
  // A failed `propertyNames` comes with the inner error on the same key; the outer one is enough.
  return errors.filter((error) => error.propertyName === undefined).map((error) => schemaFinding(error, document));
}

function schemaFinding(error: ErrorObject, document: SourceDocument): Finding {
  const path = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const where = locate(document, path);
  const value = describeValue(valueAt(document.data, path));

  switch (error.keyword) {
    case 'required': {
      const field = String(params['missingProperty']);
      return errorFinding('identity:rules.missingField', { field }, { ...where, path: [...path, field] });
    }
    case 'additionalProperties': {
      const field = String(params['additionalProperty']);
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return errorFinding('identity:rules.unknownField', { field, allowed }, locateKey(document, [...path, field]));
    }
    case 'propertyNames': {
      const key = String(params['propertyName']);
      return errorFinding('identity:rules.badCountry', describeValue(key), locateKey(document, [...path, key]));
    }
    case 'type':
      return errorFinding('identity:rules.wrongType', { expected: expectedType(error), ...value, context: typeContext(path) }, where);
    case 'enum':
      return errorFinding('identity:rules.notAllowed', { ...value, allowed: (params['allowedValues'] as unknown[]).map(String) }, where);
    case 'const':
      return errorFinding('identity:rules.notAllowed', { ...value, allowed: [String(params['allowedValue'])] }, where);
    case 'pattern':
      return errorFinding(patternCode(path), value, where);
    case 'minItems':
      return errorFinding('identity:rules.empty', {}, where);
    case 'uniqueItems': {
      const repeated = describeValue(valueAt(document.data, [...path, Number(params['j'])]));
      return errorFinding('identity:rules.repeatedValue', repeated, locate(document, [...path, Number(params['i'])]));
    }
    case 'minLength':
    case 'maxLength': {
      const actual = [...String(valueAt(document.data, path))].length;
      const code = error.keyword === 'minLength' ? 'identity:rules.tooShort' : 'identity:rules.tooLong';
      return errorFinding(code, { limit: Number(params['limit']), actual }, where);
    }
    case 'minimum':
    case 'maximum': {
      const code = error.keyword === 'minimum' ? 'identity:rules.tooSmall' : 'identity:rules.tooLarge';
      return errorFinding(code, { limit: Number(params['limit']), ...value }, where);
    }
    default:
      return errorFinding('identity:rules.schemaRule', { rule: error.keyword }, where);
  }
}

/** Checks what the schema cannot: unique ids, a usable alphabet and aliases that point somewhere. */
export function semanticFindings(written: WrittenAlternativeRules, document: SourceDocument): Finding[] {
  const findings: Finding[] = [];
  const problem = (code: string, path: PathSegment[], params: Finding['params'] = {}) => findings.push(errorFinding(`identity:rules.${code}`, params, locate(document, path)));

  const firstUse = new Map<string, number>();
  written.questions.forEach((question, index) => {
    const first = firstUse.get(question.id);
    if (first === undefined) firstUse.set(question.id, index);
    else problem('duplicateQuestion', ['questions', index, 'id'], { id: question.id, firstLine: document.locate(['questions', first, 'id'])?.line ?? 0 });
  });

  const { alphabet, aliases, separator } = written.code;
  if (new Set(alphabet).size !== alphabet.length) problem('alphabetRepeats', ['code', 'alphabet']);
  if (alphabet !== alphabet.toUpperCase()) problem('alphabetCase', ['code', 'alphabet']);
  if (separator !== '' && alphabet.includes(separator)) problem('separatorInAlphabet', ['code', 'separator'], { separator });
  for (const [typed, meant] of Object.entries(aliases)) {
    if (alphabet.includes(typed)) problem('aliasInAlphabet', ['code', 'aliases', typed], { alias: typed });
    if (!alphabet.includes(meant)) problem('aliasTarget', ['code', 'aliases', typed], { alias: typed, target: meant });
  }

  const codes = new Set(written.countries.codes);
  for (const [alias, target] of Object.entries(written.countries.aliases)) {
    if (!codes.has(target)) problem('countryAliasTarget', ['countries', 'aliases', alias], { alias, target });
  }
  return findings;
}

/** Picks the message for a value of the wrong type: the whole file, a version (which must be quoted), or any other field. */
function typeContext(path: readonly PathSegment[]): string {
  if (path.length === 0) return 'file';
  return path[path.length - 1] === 'version' ? 'version' : '';
}

/** Picks the message for a value of the wrong form from where it is: an id, the version or a country code. */
function patternCode(path: readonly PathSegment[]): string {
  const last = path[path.length - 1];
  if (last === 'version') return 'identity:rules.badVersion';
  if (path[0] === 'countries') return 'identity:rules.badCountry';
  return 'identity:rules.badId';
}
