import { readFile } from 'node:fs/promises';
import { Document, LineCounter, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import { errorFinding, type Finding, type PathSegment } from '../findings/index.js';

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

const yamlErrorCodes: Record<string, string> = {
  DUPLICATE_KEY: 'yaml.duplicateKey',
  MISSING_CHAR: 'yaml.unclosed',
  BAD_DQ_ESCAPE: 'yaml.syntax',
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
    const position = lineCounter.linePos(error.pos[0]);
    const code = yamlErrorCodes[error.code] ?? 'yaml.syntax';
    const detail = error.message.split('\n')[0] ?? error.message;
    const key = duplicateKeyName(doc, error.pos[0]);
    findings.push(
      errorFinding(
        code,
        { file, detail, key: key ?? '' },
        { file, line: position.line, column: position.col },
      ),
    );
  }
  if (findings.length > 0) return { ok: false, findings };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, findings: [errorFinding('yaml.syntax', { file, detail, key: '' }, { file })] };
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
  return parseYamlText(text.replace(/^\uFEFF/, ''), file);
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
