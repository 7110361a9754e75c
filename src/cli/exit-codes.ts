/** Exit statuses of the `bib` command. */
export const ExitCode = {
  ok: 0,
  /** An internal failure; for `validate`, `diff`, `test`, `id check` and `locales check`, a negative outcome. */
  failure: 1,
  /** Bad input or bad invocation: the user can fix it. */
  badInput: 2,
} as const;
