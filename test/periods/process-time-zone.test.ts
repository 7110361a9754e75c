import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The same computations run in child processes with different TZ values; the output must not change.
const probeScript = `
import * as periods from './index.js';
const date = (text) => periods.parseCivilDate(text);
const lines = [];
for (const [event, period] of [['2024-02-29', 'P7Y'], ['2024-11-30', 'P15M'], ['2025-01-31', 'P1M'], ['2025-03-01', 'P1M'], ['2025-10-25', 'P1D']]) {
  const lastDay = periods.lastDayOfPeriod(date(event), periods.parsePeriod(period));
  lines.push([event, period, periods.formatCivilDate(lastDay), periods.periodEndInstant(lastDay).toISOString()]);
}
for (const instant of ['2025-03-29T12:00:00+01:00', '2025-03-29T02:30:00+01:00', '2025-10-25T02:30:00+02:00', '2025-12-31T23:30:00Z']) {
  const moved = periods.addCivilDaysToInstant(new Date(instant), 1);
  lines.push([instant, periods.formatCivilDate(periods.civilDateAt(new Date(instant))), moved.toISOString()]);
}
lines.push(['age', periods.ageOnDate(date('2008-02-29'), date('2026-02-28'))]);
process.stdout.write(JSON.stringify(lines));
`;

const timeZones = ['UTC', 'Europe/Brussels', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Los_Angeles', 'Asia/Kathmandu'];

let moduleFolder = '';

beforeAll(() => {
  // The periods module has no imports outside its folder, so a plain transpile is enough.
  moduleFolder = mkdtempSync(join(tmpdir(), 'bib-periods-'));
  const sourceFolder = new URL('../../src/periods/', import.meta.url);
  for (const name of readdirSync(sourceFolder).filter((file) => file.endsWith('.ts'))) {
    const source = readFileSync(new URL(name, sourceFolder), 'utf8');
    const output = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    writeFileSync(join(moduleFolder, name.replace(/\.ts$/, '.js')), output.outputText);
  }
  writeFileSync(join(moduleFolder, 'package.json'), '{"type":"module"}');
  writeFileSync(join(moduleFolder, 'probe.js'), probeScript);
});

afterAll(() => {
  if (moduleFolder) rmSync(moduleFolder, { recursive: true, force: true });
});

function runProbe(timeZone: string): string {
  const result = spawnSync(process.execPath, ['probe.js'], {
    cwd: moduleFolder,
    env: { ...process.env, TZ: timeZone },
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout;
}

describe('periods under other process time zones', () => {
  it('give the same results in every zone', () => {
    const outputs = timeZones.map((timeZone) => runProbe(timeZone));
    const brussels = JSON.parse(outputs[1] ?? '[]') as unknown[][];

    expect(brussels[0]).toEqual(['2024-02-29', 'P7Y', '2031-02-28', '2031-02-28T23:00:00.000Z']);
    expect(brussels[1]).toEqual(['2024-11-30', 'P15M', '2026-02-28', '2026-02-28T23:00:00.000Z']);
    expect(brussels[3]).toEqual(['2025-03-01', 'P1M', '2025-04-01', '2025-04-01T22:00:00.000Z']);
    expect(brussels[5]).toEqual(['2025-03-29T12:00:00+01:00', '2025-03-29', '2025-03-30T10:00:00.000Z']);
    for (const [index, output] of outputs.entries()) {
      expect(output, `TZ=${timeZones[index]}`).toBe(outputs[0]);
    }
  });
});
