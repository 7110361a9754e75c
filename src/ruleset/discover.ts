import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { errorFinding, type Finding } from '../findings/index.js';

/** Lists the `.yaml`, `.yml` and `.json` files under each path (a file or a folder), sorted. */
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
    if (info.isFile()) files.push(path);
    else files.push(...(await walk(path)));
  }
  return { files: [...new Set(files)].sort(), findings };
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) found.push(...(await walk(path)));
    } else if (/\.(ya?ml|json)$/.test(entry.name)) {
      found.push(path);
    }
  }
  return found;
}
