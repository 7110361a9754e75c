import { fileURLToPath } from 'node:url';

/**
 * Absolute path of the installed package, where the shipped `rules/`, `questionnaires/`
 * and `locales/` folders are. This file sits one level below the root both as
 * `src/package-root.ts` and as `dist/package-root.js`.
 */
export const packageRoot: string = fileURLToPath(new URL('..', import.meta.url));
