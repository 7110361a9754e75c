import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { projectRoot } from '../support/cli.js';

describe('public API', () => {
  it('exports exactly the pinned names', () => {
    // A new export is a decision: add its name to test/fixtures/public-api.json on purpose.
    const pinned = JSON.parse(readFileSync(join(projectRoot, 'test', 'fixtures', 'public-api.json'), 'utf8')) as string[];
    expect(Object.keys(api).sort()).toEqual(pinned);
  });

  it('screen works from the package entry point', async () => {
    const result = await api.screen({ questionnaire: 'bib-screening@2.0.0', answers: { housing_type: 'no_fixed_address' } });
    expect(result.carePaths.map((carePath) => [carePath.id, carePath.priority])).toEqual([['housing_support', 'urgent']]);
  });

  it('invalid answers throw InputError with findings', async () => {
    await expect(api.screen({ questionnaire: 'bib-screening@2.0.0', answers: { housing_type: 'tent' } })).rejects.toBeInstanceOf(api.InputError);
  });
});
