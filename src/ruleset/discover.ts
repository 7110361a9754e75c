import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { errorFinding, type Finding } from '../findings/index.js';

/**
 * Lists the `.yaml`, `.yml` and `.json` files under each path (a file or a folder), sorted.
 * A path that does not exist, that is neither a regular file nor a folder (a device such as
 * `/dev/null`, a FIFO or a socket), or a folder that cannot be read becomes a finding.
 */
export async function discoverRuleFiles(paths: readonly string[]): Promise<{ files: string[]; findings: Finding[] }> {
  const files: string[] = [];
  const findings: Finding[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      findings.push(errorFinding('file.notFound', { file: path }, { file: path }));
      continue;
    }

    if (info.isFile()) {
      files.push(path);
    } else if (info.isDirectory()) {
      files.push(...(await walk(path, findings)));
    } else {
      findings.push(errorFinding('validate:notFileOrFolder', { file: path }, { file: path }));
    }
  }
  return { files: [...new Set(files)].sort(), findings };
}

/** Lists the rule files under `folder`; a subfolder that cannot be read is added to `findings`. */
async function walk(folder: string, findings: Finding[]): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (cause) {
    const detail = String((cause as NodeJS.ErrnoException).code ?? cause);
    findings.push(errorFinding('file.unreadable', { file: folder, detail }, { file: folder }));
    return [];
  }

  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) found.push(...(await walk(path, findings)));
    } else if (/\.(ya?ml|json)$/.test(entry.name)) {
      found.push(path);
    }
  }
  return found;
}
