import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { parse as parseCsv } from 'csv-parse';
import { errorFinding, InputError, type Finding } from '../findings/index.js';
import { discoverRuleFiles } from '../ruleset/discover.js';
import { readYamlFile, type SourceDocument } from '../source/index.js';
import { findDuplicateJsonKey } from './json-duplicate-key.js';

/** One answer set as read from its source, before it is checked. */
export interface AnswerRecord {
  /** How the answer set is named in output: its file, `file:line`, or the `id` column of a CSV row. */
  label: string;
  file: string;
  line?: number;
  /** The answers in the public format (`questionnaire`, `answers`, `followUps`), when the record parsed. */
  data?: unknown;
  /** The parsed document, for positions of findings inside a YAML or JSON file. */
  document?: SourceDocument;
  /** For a CSV row: the column number of each field (`answers.<item>`, `followUps.<id>`, `questionnaire`). */
  columns?: ReadonlyMap<string, number>;
  /** Findings that explain why the record could not be read; set instead of `data`. */
  findings?: Finding[];
}

/** How far the reading has come, in files for a folder or bytes for a file. */
export interface SourceProgress {
  completed: number;
  total: number;
  unit: 'files' | 'bytes';
}

/** A stream of answer sets; records are read one at a time, so memory stays bounded. */
export interface AnswerSource {
  format: 'folder' | 'jsonl' | 'csv' | 'file';
  records(): AsyncIterable<AnswerRecord>;
  progress(): SourceProgress;
}

/**
 * Opens the answer sets at `path`. It may be a folder of answer files (YAML or JSON, searched
 * recursively), a JSON-lines file (`.jsonl`, `.ndjson`) with one answers object per line, or a
 * single answers file. It may also be a CSV file (`.csv`) with a `questionnaire` column, one
 * column per item id, `followUps.<id>` columns and an optional `id` column, where an empty
 * cell is unanswered. Cells are separated by commas, or by semicolons when the header line
 * contains a semicolon and no comma (the CSV that Excel saves with Belgian regional settings).
 * Throws InputError when the path does not exist or is neither a regular file nor a folder.
 * A duplicate key in a JSON line and a column named twice in a CSV header are errors.
 */
export async function openAnswerSource(path: string): Promise<AnswerSource> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new InputError([errorFinding('file.notFound', { file: path }, { file: path })]);

  if (info.isDirectory()) return folderSource(path, 'folder');
  if (!info.isFile()) throw new InputError([errorFinding('validate:notFileOrFolder', { file: path }, { file: path })]);
  const extension = extname(path).toLowerCase();
  if (extension === '.jsonl' || extension === '.ndjson') return jsonLinesSource(path, info.size);
  if (extension === '.csv') return csvSource(path, info.size, await csvDelimiter(path));
  return folderSource(path, 'file');
}

function folderSource(path: string, format: 'folder' | 'file' = 'folder'): AnswerSource {
  let completed = 0;
  let total = 0;
  return {
    format,
    progress: () => ({ completed, total, unit: 'files' }),
    async *records() {
      const { files, findings } = await discoverRuleFiles([path]);
      if (findings.length > 0) throw new InputError(findings);
      total = files.length;
      for (const file of files) {
        const parsed = await readYamlFile(file);
        completed += 1;
        yield parsed.ok ? { label: file, file, data: parsed.document.data, document: parsed.document } : { label: file, file, findings: parsed.findings };
      }
    },
  };
}

function jsonLinesSource(file: string, size: number): AnswerSource {
  const stream = createReadStream(file, { encoding: 'utf8' });
  return {
    format: 'jsonl',
    progress: () => ({ completed: stream.bytesRead, total: size, unit: 'bytes' }),
    async *records() {
      let line = 0;
      for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
        line += 1;
        const trimmed = line === 1 ? text.replace(/^\uFEFF/, '').trim() : text.trim();
        if (trimmed === '') continue;

        const label = `${file}:${line}`;
        let data: unknown;
        try {
          data = JSON.parse(trimmed) as unknown;
        } catch (cause) {
          const detail = cause instanceof Error ? cause.message : String(cause);
          yield { label, file, line, findings: [errorFinding('validate:diff.invalidJsonLine', { detail }, { file, line, column: 1 })] };
          continue;
        }

        // JSON.parse keeps the last value of a duplicate key, so "tobacco" given twice would pass unnoticed.
        const duplicate = findDuplicateJsonKey(trimmed);
        if (duplicate) {
          const column = text.length - text.trimStart().length + duplicate.offset + 1;
          yield { label, file, line, findings: [errorFinding('yaml.duplicateKey', { file, key: duplicate.key }, { file, line, column })] };
          continue;
        }
        yield { label, file, line, data };
      }
    },
  };
}

/** The column of a CSV file that names the questionnaire version of each row. */
const questionnaireColumn = 'questionnaire';
/** The optional column that names each row in output. */
const idColumn = 'id';
const followUpPrefix = 'followUps.';

/** Bytes read from the start of a CSV file to find the separator of its header line. */
const headerSampleBytes = 64 * 1024;

/**
 * Returns `;` when the header line contains a semicolon and no comma, as in the CSV that Excel
 * writes with Belgian (and other European) regional settings; returns `,` otherwise.
 */
async function csvDelimiter(file: string): Promise<',' | ';'> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(headerSampleBytes);
    const { bytesRead } = await handle.read(buffer, 0, headerSampleBytes, 0);
    const header = buffer.subarray(0, bytesRead).toString('utf8').split(/\r?\n/, 1)[0] ?? '';
    return header.includes(';') && !header.includes(',') ? ';' : ',';
  } finally {
    await handle.close();
  }
}

function csvSource(file: string, size: number, delimiter: ',' | ';'): AnswerSource {
  const stream = createReadStream(file);
  return {
    format: 'csv',
    progress: () => ({ completed: stream.bytesRead, total: size, unit: 'bytes' }),
    async *records() {
      const parser = stream.pipe(parseCsv({ bom: true, delimiter, info: true, relax_column_count: false, skip_empty_lines: true }));
      let header: string[] | undefined;
      let columns: Map<string, number> | undefined;

      try {
        for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
          if (!header) {
            header = record.map((name) => name.trim());
            const duplicate = duplicateColumn(header);
            if (duplicate) {
              const params = { key: header[duplicate.column - 1]!, first: duplicate.first, column: duplicate.column };
              throw new InputError([errorFinding('validate:diff.csvDuplicateColumn', params, { file, line: info.lines, column: duplicate.column })]);
            }
            columns = csvColumns(header);
            if (!columns.has(questionnaireColumn)) {
              throw new InputError([errorFinding('validate:diff.csvWithoutQuestionnaire', { columns: header }, { file, line: info.lines, column: 1 })]);
            }
            continue;
          }
          const line = info.lines;
          const id = columns!.has(idColumn) ? record[columns!.get(idColumn)! - 1]?.trim() : undefined;
          yield { label: id ? id : `${file}:${line}`, file, line, data: csvRowAnswers(header, record), columns: columns! };
        }
      } catch (cause) {
        if (cause instanceof InputError) throw cause;
        const detail = cause instanceof Error ? cause.message : String(cause);
        const line = (cause as { lines?: number }).lines;
        throw new InputError([errorFinding('validate:diff.invalidCsv', { detail }, { file, ...(line === undefined ? {} : { line }) })], { cause });
      }
    },
  };
}

/** Finds the first column whose name an earlier column already has; both numbers are 1-based. */
function duplicateColumn(header: readonly string[]): { first: number; column: number } | undefined {
  const seen = new Map<string, number>();
  for (const [index, name] of header.entries()) {
    const first = seen.get(name);
    if (first !== undefined) return { first, column: index + 1 };
    seen.set(name, index + 1);
  }
  return undefined;
}

/** Maps each field path of an answers object to its 1-based column in the CSV header. */
function csvColumns(header: readonly string[]): Map<string, number> {
  const columns = new Map<string, number>();
  header.forEach((name, index) => {
    const field = name === questionnaireColumn || name === idColumn ? name : name.startsWith(followUpPrefix) ? name : `answers.${name}`;
    columns.set(field, index + 1);
  });
  return columns;
}

/** Turns a CSV row into the public answers format; an empty cell is an unanswered item. */
function csvRowAnswers(header: readonly string[], record: readonly string[]): unknown {
  const answers: Record<string, string> = {};
  const followUps: Record<string, string> = {};
  let questionnaire: string | undefined;
  header.forEach((name, index) => {
    const cell = record[index] ?? '';
    if (name === idColumn) return;
    if (name === questionnaireColumn) {
      if (cell !== '') questionnaire = cell;
      return;
    }
    if (cell === '') return;
    if (name.startsWith(followUpPrefix)) followUps[name.slice(followUpPrefix.length)] = cell;
    else answers[name] = cell;
  });
  return { ...(questionnaire === undefined ? {} : { questionnaire }), answers, followUps };
}
