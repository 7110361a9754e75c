/** A key that appears a second time in the same JSON object, with the offset of its opening quote. */
export interface DuplicateJsonKey {
  key: string;
  /** 0-based offset of the second occurrence in the text. */
  offset: number;
}

/**
 * Finds the first key that appears twice in one object of a JSON text. `JSON.parse` keeps the
 * last value of a duplicate key without a word, so call this on text that `JSON.parse` accepted:
 * the scan relies on valid syntax. Keys are compared after unescaping, so `"a"` and `"\u0061"`
 * are the same key. Runs in one pass, with memory for the keys of the open objects only.
 */
export function findDuplicateJsonKey(text: string): DuplicateJsonKey | undefined {
  // One entry per open container: the keys seen so far for an object, undefined for an array.
  const containers: (Set<string> | undefined)[] = [];
  let index = 0;

  while (index < text.length) {
    const char = text[index];
    if (char === '"') {
      const start = index;
      index = stringEnd(text, start);
      const keys = containers.at(-1);
      if (keys && text[skipWhitespace(text, index)] === ':') {
        const key = JSON.parse(text.slice(start, index)) as string;
        if (keys.has(key)) return { key, offset: start };
        keys.add(key);
      }
      continue;
    }

    if (char === '{') containers.push(new Set());
    else if (char === '[') containers.push(undefined);
    else if (char === '}' || char === ']') containers.pop();
    index += 1;
  }
  return undefined;
}

/** Returns the offset just after the closing quote of the string that opens at `start`. */
function stringEnd(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length && text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
  return index + 1;
}

/** Skips the whitespace JSON allows between tokens: space, tab, line feed and carriage return. */
function skipWhitespace(text: string, start: number): number {
  let index = start;
  while (text[index] === ' ' || text[index] === '\t' || text[index] === '\n' || text[index] === '\r') index += 1;
  return index;
}
