/**
 * Matches an i18next interpolation: `{{name}}`, `{{- name}}` (unescaped) and
 * `{{name, format}}`. Group 1 is the variable name.
 */
const interpolation = /\{\{-?\s*([^,}\s]+)\s*(?:,[^}]*)?\}\}/g;

/** Lists the interpolation variables of a text, sorted and without repeats. */
export function interpolationVariables(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(interpolation)) names.add(match[1]!);
  return [...names].sort();
}
