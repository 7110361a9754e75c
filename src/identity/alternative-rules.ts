import { join } from 'node:path';
import { Ajv } from 'ajv';
import { InputError } from '../findings/index.js';
import { packageRoot } from '../package-root.js';
import { readYamlFile, type SourceDocument } from '../source/index.js';
import { schemaFindings, semanticFindings } from './alternative-rules-findings.js';

/** The kind of answer a question takes, which decides how it is normalised. */
export type AlternativeQuestionType = 'date' | 'country' | 'name';

export interface AlternativeQuestion {
  id: string;
  type: AlternativeQuestionType;
  /** For a date: whether `YYYY-MM` and `YYYY` are accepted when she does not know the rest. */
  partialDates: boolean;
}

/** The rules of the alternative number (BIBNR) as used: checked and with lookup sets built. */
export interface AlternativeNumberRules {
  id: string;
  version: string;
  domain: string;
  questions: AlternativeQuestion[];
  names: {
    diacritics: 'strip' | 'keep';
    hyphens: string[];
    apostrophes: string[];
  };
  countries: {
    aliases: Record<string, string>;
    codes: ReadonlySet<string>;
  };
  code: {
    alphabet: string;
    aliases: Record<string, string>;
    payloadLength: number;
    groupSize: number;
    separator: string;
  };
}

/** The shipped rule file. */
export const shippedAlternativeRulesFile = join(packageRoot, 'rules', 'identity', 'bibnr.yaml');

const countryCode = { type: 'string', pattern: '^[A-Z]{2}$' };
const singleCharacter = { type: 'string', minLength: 1, maxLength: 2 };

const rulesSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'id', 'version', 'domain', 'questions', 'names', 'countries', 'code'],
  properties: {
    kind: { const: 'AlternativeNumberRules' },
    id: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
    version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+$' },
    domain: { type: 'string', minLength: 1 },
    questions: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'type'],
        properties: {
          id: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' },
          type: { enum: ['date', 'country', 'name'] },
          partialDates: { type: 'boolean' },
        },
      },
    },
    names: {
      type: 'object',
      additionalProperties: false,
      required: ['diacritics', 'hyphens', 'apostrophes'],
      properties: {
        diacritics: { enum: ['strip', 'keep'] },
        hyphens: { type: 'array', items: singleCharacter },
        apostrophes: { type: 'array', items: singleCharacter },
      },
    },
    countries: {
      type: 'object',
      additionalProperties: false,
      required: ['aliases', 'codes'],
      properties: {
        aliases: { type: 'object', propertyNames: { pattern: '^[A-Z]{2}$' }, additionalProperties: countryCode },
        codes: { type: 'array', minItems: 1, uniqueItems: true, items: countryCode },
      },
    },
    code: {
      type: 'object',
      additionalProperties: false,
      required: ['alphabet', 'aliases', 'payloadLength', 'groupSize', 'separator'],
      properties: {
        alphabet: { type: 'string', minLength: 32, maxLength: 32 },
        aliases: { type: 'object', additionalProperties: { type: 'string', minLength: 1, maxLength: 1 } },
        payloadLength: { type: 'integer', minimum: 8, maximum: 40 },
        groupSize: { type: 'integer', minimum: 1 },
        separator: { type: 'string', maxLength: 1 },
      },
    },
  },
} as const;

const validateRules = new Ajv({ allErrors: true, strict: true, verbose: true }).compile(rulesSchema);

/** Reads and checks an alternative-number rule file (by default the shipped one). Throws InputError with every finding. */
export async function loadAlternativeNumberRules(file: string = shippedAlternativeRulesFile): Promise<AlternativeNumberRules> {
  const parsed = await readYamlFile(file);
  if (!parsed.ok) throw new InputError(parsed.findings);
  return checkAlternativeNumberRules(parsed.document);
}

/** Checks a parsed rule file and builds the rules as used. Throws InputError with every finding. */
export function checkAlternativeNumberRules(document: SourceDocument): AlternativeNumberRules {
  if (!validateRules(document.data)) {
    throw new InputError(schemaFindings(validateRules.errors ?? [], document));
  }
  const written = document.data as WrittenAlternativeRules;

  const findings = semanticFindings(written, document);
  if (findings.length > 0) throw new InputError(findings);

  return {
    id: written.id,
    version: written.version,
    domain: written.domain,
    questions: written.questions.map((question) => ({ id: question.id, type: question.type, partialDates: question.partialDates ?? false })),
    names: written.names,
    countries: { aliases: written.countries.aliases, codes: new Set(written.countries.codes) },
    code: written.code,
  };
}

/** A rule file as written, once it has passed its schema. */
export interface WrittenAlternativeRules {
  id: string;
  version: string;
  domain: string;
  questions: { id: string; type: AlternativeQuestionType; partialDates?: boolean }[];
  names: AlternativeNumberRules['names'];
  countries: { aliases: Record<string, string>; codes: string[] };
  code: AlternativeNumberRules['code'];
}
