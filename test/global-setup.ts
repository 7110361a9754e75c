import { spawnSync } from 'node:child_process';

/**
 * Compiles src/ to dist/ once before the suite, so tests that spawn the real `bin/bib.js`
 * run the code under test and not an older build. Type errors do not stop the build here
 * (tsc still emits); `npm test` runs the type check on its own before vitest.
 */
export default function setup(): void {
  const build = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { encoding: 'utf8' });
  if (build.error) throw build.error;
}
