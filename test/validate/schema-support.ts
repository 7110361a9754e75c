import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { projectRoot } from '../support/cli.js';

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });

/** Compiles a JSON Schema of the package's `schemas/` folder for checking command output. */
export function outputSchema(name: string): ValidateFunction {
  return ajv.compile(JSON.parse(readFileSync(join(projectRoot, 'schemas', `${name}.schema.json`), 'utf8')) as object);
}
