import { execFileSync } from 'node:child_process';

/**
 * Compiles src/ to dist/ once before the suite, so tests that spawn the real `bin/bib.js`
 * run the code under test and not an older build.
 */
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
