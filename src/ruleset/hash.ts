import { createHash } from 'node:crypto';

/** Serialises a value as JSON with sorted keys and Maps as sorted objects, so equal content hashes equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortForJson(value));
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function sortForJson(value: unknown): unknown {
  if (value instanceof Map) {
    return sortForJson(Object.fromEntries(value));
  }
  if (Array.isArray(value)) return value.map(sortForJson);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const entry = (value as Record<string, unknown>)[key];
      if (entry !== undefined) sorted[key] = sortForJson(entry);
    }
    return sorted;
  }
  return value;
}
