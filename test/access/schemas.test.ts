import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accessSchemaFiles, checkAccessRequest, checkAccessSchema } from '../../src/access/index.js';
import { packageRoot } from '../../src/package-root.js';
import { allowedRequest } from './support.js';

function schemaText(file: string): string {
  return readFileSync(join(packageRoot, 'schemas', file), 'utf8');
}

describe('access schemas', () => {
  it('are pinned by content', () => {
    // A change to a published schema is a new format version: add a new file instead.
    const hashes = Object.fromEntries(
      Object.values(accessSchemaFiles).map((file) => [file, createHash('sha256').update(schemaText(file)).digest('hex').slice(0, 16)]),
    );
    expect(hashes).toMatchInlineSnapshot(`
      {
        "access-request-1.schema.json": "193f778f4cb5c863",
        "access-rules-1.schema.json": "3590e60cc4d9f782",
        "access-scenario-1.schema.json": "1804cbbd28711e2a",
      }
    `);
  });

  it('name their format version', () => {
    for (const file of Object.values(accessSchemaFiles)) {
      expect(file).toMatch(/-1\.schema\.json$/);
      expect(JSON.parse(schemaText(file))['$id']).toBe(`https://bib-core.invalid/schemas/${file}`);
    }
  });

  it('hold no default values', () => {
    for (const file of Object.values(accessSchemaFiles)) {
      expect(schemaText(file)).not.toContain('"default"');
    }
  });
});

describe('checkAccessSchema', () => {
  it('leaves the data unchanged', () => {
    const request = allowedRequest();
    delete request.dossier.consent;
    delete request.dossier.relationships;
    const before = structuredClone(request);
    expect(checkAccessSchema(request, 'request')).toEqual([]);
    expect(request).toEqual(before);
    expect(request.dossier).not.toHaveProperty('consent');
  });

  it('coerces no types', () => {
    const request = allowedRequest() as unknown as { professional: Record<string, unknown> };
    request.professional['active'] = 'true';
    const findings = checkAccessRequest(request);
    expect(findings).toEqual([expect.objectContaining({ code: 'access:schema.type', path: ['professional', 'active'] })]);
    expect(request.professional['active']).toBe('true');
  });

  it('returns every violation', () => {
    const request = allowedRequest() as unknown as { professional: Record<string, unknown>; dossier: Record<string, unknown> };
    request.professional['role'] = 'C';
    request.dossier['state'] = 'open';
    request.dossier['extra'] = 1;
    const codes = checkAccessRequest(request).map((finding) => finding.code).sort();
    expect(codes).toEqual(['access:schema.enum', 'access:schema.enum', 'access:schema.unknownProperty']);
  });
});
