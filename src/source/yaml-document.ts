import { readFile } from 'node:fs/promises';
import { Document, LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Node } from 'yaml';
import { errorFinding, type Finding, type PathSegment } from '../findings/index.js';
import { locateJsonError } from './json-syntax.js';

/** A parsed YAML or JSON file that still knows where each value came from. */
export interface SourceDocument {
  file: string;
  data: unknown;
  /** Returns the 1-based line and column of the value at `path`, or of its nearest parent. */
  locate(path: readonly PathSegment[]): { line: number; column: number } | undefined;
  /** Returns the 1-based line and column of the key at `path` (the value's when it has no key). */
  locateKey(path: readonly PathSegment[]): { line: number; column: number } | undefined;
}

export type ParseOutcome =
  | { ok: true; document: SourceDocument; findings: Finding[] }
  | { ok: false; findings: Finding[] };

/**
 * Finding codes for the YAML parser's error codes (yaml 2.x). The parser's own English message
 * is not shown: every code here has a text in each language. Codes not listed become
 * `yaml.syntax`, a general message about indentation, colons and quotes.
 */
const yamlErrorCodes: Record<string, string> = {
  DUPLICATE_KEY: 'yaml.duplicateKey',
  MISSING_CHAR: 'yaml.unclosed',
  MULTIPLE_DOCS: 'yaml.multipleDocuments',
  TAB_AS_INDENT: 'yaml.tabIndent',
  BAD_DQ_ESCAPE: 'yaml.escape',
  TAG_RESOLVE_FAILED: 'yaml.tag',
  MULTIPLE_TAGS: 'yaml.tag',
  BAD_ALIAS: 'yaml.alias',
  ALIAS_PROPS: 'yaml.alias',
  KEY_OVER_1024_CHARS: 'yaml.longKey',
};

/**
 * Parses YAML (JSON is a subset) with the YAML 1.2 core schema, so `no` and `NO` stay strings
 * and `1.10` is the number 1.1. Duplicate keys, aliases beyond a small count and syntax errors
 * become findings with the line and column of the offending node. Nothing is coerced.
 */
export function parseYamlText(text: string, file: string): ParseOutcome {
  if (text.includes('\u0000')) {
    return { ok: false, findings: [errorFinding('file.binary', { file }, { file })] };
  }
  if (text.trim() === '') {
    return { ok: false, findings: [errorFinding('file.empty', { file }, { file })] };
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    merge: false,
    prettyErrors: false,
    strict: true,
    lineCounter,
  });

  const findings: Finding[] = [];
  for (const error of doc.errors) {
    const code = yamlErrorCodes[error.code] ?? 'yaml.syntax';
    const parserPosition = lineCounter.linePos(error.pos[0]);
    const position = code === 'yaml.unclosed' ? (openingQuote(text, error.pos[0]) ?? parserPosition) : parserPosition;
    const key = duplicateKeyName(doc, error.pos[0]);
    findings.push(errorFinding(code, { file, key: key ?? '' }, { file, line: position.line, column: position.col }));
  }
  findings.push(...explicitTags(doc, file, lineCounter));
  if (findings.length > 0) return { ok: false, findings };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (cause) {
    // toJS fails only on alias expansion beyond maxAliasCount (a "billion laughs" document).
    void cause;
    return { ok: false, findings: [errorFinding('yaml.alias', { file, key: '' }, { file })] };
  }

  const locateNode = (node: Node | null | undefined) => {
    if (!node?.range) return undefined;
    const position = lineCounter.linePos(node.range[0]);
    return { line: position.line, column: position.col };
  };

  return {
    ok: true,
    findings: [],
    document: {
      file,
      data,
      locate: (path) => locateNode(nodeAt(doc, path, false)),
      locateKey: (path) => locateNode(nodeAt(doc, path, true)),
    },
  };
}

/** Reads and parses a YAML or JSON file; a missing or unreadable file is a finding. */
export async function readYamlFile(file: string): Promise<ParseOutcome> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const findingCode = code === 'ENOENT' ? 'file.notFound' : code === 'EISDIR' ? 'file.isDirectory' : 'file.unreadable';
    return { ok: false, findings: [errorFinding(findingCode, { file, detail: String(code ?? cause) }, { file })] };
  }
  const content = text.replace(/^\uFEFF/, '');
  if (file.toLowerCase().endsWith('.json')) {
    const jsonFinding = strictJsonFinding(content, file);
    if (jsonFinding) return { ok: false, findings: [jsonFinding] };
  }
  return parseYamlText(content, file);
}

/**
 * Checks a `.json` file with the JSON parser first: YAML would accept a trailing comma or a
 * comment that JSON forbids. Returns a finding at the reported position, or undefined.
 */
function strictJsonFinding(text: string, file: string): Finding | undefined {
  if (text.trim() === '' || text.includes('\u0000')) return undefined;
  try {
    JSON.parse(text);
    return undefined;
  } catch {
    // Node 20 leaves the position out of many JSON.parse messages, so locate the error by scanning.
    const position = locateJsonError(text);
    const where = { file, ...(position ? { line: position.line, column: position.column } : {}) };
    return errorFinding('json.syntax', { file }, where);
  }
}

/** Walks to the node at `path`; stops at the deepest node that exists. */
function nodeAt(doc: Document, path: readonly PathSegment[], wantKey: boolean): Node | undefined {
  let current: unknown = doc.contents;
  let keyNode: unknown;
  for (const segment of path) {
    if (isMap(current)) {
      const pair = current.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      keyNode = pair.key;
      current = pair.value;
    } else if (isSeq(current) && typeof segment === 'number') {
      const item = current.items[segment];
      if (item === undefined) break;
      keyNode = undefined;
      current = isPair(item) ? item.value : item;
    } else {
      break;
    }
  }
  const chosen = wantKey && keyNode ? keyNode : current;
  return (chosen ?? undefined) as Node | undefined;
}

/**
 * Locates the quote that opens a string which is never closed: the parser reports the end of
 * the input, but the reader needs the line where the string starts. Returns the last
 * unbalanced quote on the first line, before `offset`, that has one.
 */
function openingQuote(text: string, offset: number): { line: number; col: number } | undefined {
  const lines = text.slice(0, offset).split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    let open: number | undefined;
    let quote: string | undefined;
    for (let column = 0; column < line.length; column++) {
      const character = line[column]!;
      if (quote === undefined) {
        if (character === '#' && (column === 0 || line[column - 1] === ' ')) break;
        if (character === '"' || character === "'") {
          quote = character;
          open = column;
        }
      } else if (character === '\\' && quote === '"') {
        column++;
      } else if (character === quote) {
        if (quote === "'" && line[column + 1] === "'") column++;
        else quote = undefined;
      }
    }
    if (quote !== undefined && open !== undefined) return { line: index + 1, col: open + 1 };
  }
  return undefined;
}

/** Rejects explicit tags such as `!!bool "no"`: content files use plain YAML values only. */
function explicitTags(doc: Document, file: string, lineCounter: LineCounter): Finding[] {
  const findings: Finding[] = [];
  visit(doc, (_key, node) => {
    if ((isScalar(node) || isMap(node) || isSeq(node)) && node.tag !== undefined && node.range) {
      const position = lineCounter.linePos(node.range[0]);
      const tag = node.tag.replace(/^tag:yaml\.org,2002:/, '!!');
      findings.push(errorFinding('yaml.tag', { file, tag }, { file, line: position.line, column: position.col }));
    }
  });
  return findings;
}

/** Finds the text of a duplicated key that starts at `offset`, for a readable message. */
function duplicateKeyName(doc: Document, offset: number): string | undefined {
  let found: string | undefined;
  const visit = (node: unknown): void => {
    if (found !== undefined) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key) && pair.key.range?.[0] === offset) {
          found = String(pair.key.value);
          return;
        }
        visit(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item);
    }
  };
  visit(doc.contents);
  return found;
}
