import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { errorFinding, type Finding, type PathSegment } from '../findings/index.js';
import { parseYamlText, type SourceDocument } from '../source/index.js';
import { describeValue } from './value-description.js';

/**
 * Reading national numbers from files. A number stays the text it was written as: a YAML
 * or JSON number type has already lost any leading zero (births 2000-2009 start with 0),
 * so it is rejected with a message that explains this instead of being padded back.
 */

/** One number read from a file, with where it was written. */
export interface NumberEntry {
  text: string;
  file: string;
  line?: number;
  column?: number;
  path: PathSegment[];
}

export interface NumberListOutcome {
  entries: NumberEntry[];
  findings: Finding[];
}

/** The CSV column that contains the numbers. */
export const numberColumn = 'number';

/**
 * Reads a list of national or BIS numbers. A `.csv` file needs a header row with a
 * `number` column; every field stays text. A YAML or JSON file contains a sequence
 * of strings, or a mapping whose `numbers` key contains one. Every problem becomes a finding with
 * its line and column, without the number itself.
 */
export async function readNationalNumberList(file: string): Promise<NumberListOutcome> {
  let text: string;
  try {
    text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    let findingCode = 'file.unreadable';
    if (code === 'ENOENT') findingCode = 'file.notFound';
    if (code === 'EISDIR') findingCode = 'file.isDirectory';
    return { entries: [], findings: [errorFinding(findingCode, { file, detail: String(code ?? cause) }, { file })] };
  }
  return extname(file).toLowerCase() === '.csv' ? readCsvNumbers(text, file) : readYamlNumbers(text, file);
}

/**
 * Returns the text of a number read from a parsed file, or a finding: a number type is
 * rejected (with its digit count, as a leading zero may be lost), and so is anything else
 * that is not a string.
 */
export function nationalNumberText(value: unknown, where: Pick<Finding, 'file' | 'line' | 'column' | 'path'>): string | Finding {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') {
    return errorFinding('identity:numberSource.numberType', { digits: String(value).replace(/\D/g, '').length }, where);
  }
  return errorFinding('identity:numberSource.notText', describeValue(value), where);
}

function readYamlNumbers(text: string, file: string): NumberListOutcome {
  const parsed = parseYamlText(text, file);
  if (!parsed.ok) return { entries: [], findings: parsed.findings };
  const { document } = parsed;

  const data = document.data;
  const isMapping = data !== null && typeof data === 'object' && !Array.isArray(data);
  let list: unknown = data;
  let basePath: PathSegment[] = [];
  if (isMapping) {
    list = (data as Record<string, unknown>)['numbers'];
    basePath = ['numbers'];
  }
  if (!Array.isArray(list)) {
    return { entries: [], findings: [errorFinding('identity:numberSource.notList', { file }, locate(document, basePath))] };
  }

  const entries: NumberEntry[] = [];
  const findings: Finding[] = [];
  list.forEach((value, index) => {
    const path = [...basePath, index];
    const where = locate(document, path);
    const result = nationalNumberText(value, where);
    if (typeof result === 'string') entries.push({ text: result, file, ...where, path });
    else findings.push(result);
  });
  return { entries, findings };
}

function readCsvNumbers(text: string, file: string): NumberListOutcome {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parseCsv(text, { columns: true, skip_empty_lines: true, info: true, bom: true, cast: false }) as typeof rows;
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message.split('\n')[0]! : String(cause);
    return { entries: [], findings: [errorFinding('identity:numberSource.badCsv', { file, detail }, { file })] };
  }

  const firstRow = rows[0];
  if (firstRow !== undefined && !(numberColumn in firstRow.record)) {
    return { entries: [], findings: [errorFinding('identity:numberSource.noNumberColumn', { file, column: numberColumn }, { file, line: 1 })] };
  }

  const entries = rows.map((row, index) => ({
    text: row.record[numberColumn] ?? '',
    file,
    line: row.info.lines,
    path: [index, numberColumn] as PathSegment[],
  }));
  return { entries, findings: [] };
}

function locate(document: SourceDocument, path: PathSegment[]): Pick<Finding, 'file' | 'line' | 'column' | 'path'> {
  return { file: document.file, path, ...document.locate(path) };
}
