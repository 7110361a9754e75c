/** A version of the form `major.minor.patch`, as every rule file declares it. */
export interface Version {
  major: number;
  minor: number;
  patch: number;
}

const versionPattern = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** Parses `2.10.0`; returns undefined for anything else (`1.10` with two parts included). */
export function parseVersion(text: string): Version | undefined {
  const match = versionPattern.exec(text);
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

/** Orders versions numerically, so 2.10.0 comes after 2.9.0. */
export function compareVersions(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/** Names the part that a step from `from` to a higher `to` raises: `major`, `minor` or `patch`. */
export function bumpOf(from: Version, to: Version): 'major' | 'minor' | 'patch' {
  if (to.major !== from.major) return 'major';
  if (to.minor !== from.minor) return 'minor';
  return 'patch';
}

export function formatVersion(version: Version): string {
  return `${version.major}.${version.minor}.${version.patch}`;
}
