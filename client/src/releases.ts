// Where a new spec goes, newest release first, and how a workspace check is summed up. Pure:
// no `vscode` here, so that the unit tests run it as it is.

/**
 * Release folder names, newest first: numbered releases (`2026.1`) above named ones (`zed`), the
 * numbered by number and the named backwards through the alphabet, as OpenStack named them
 * (austin ... zed, then 2023.1). Others (`backlog`) last, in name order.
 */
export function newestFirst(names: readonly string[]): string[] {
  const numbered = (name: string) => /^\d{4}\.\d+$/.test(name);
  const named = (name: string) => /^[a-z]+$/.test(name) && !OTHER_FOLDERS.has(name);
  const rank = (name: string) => (numbered(name) ? 0 : named(name) ? 1 : 2);
  return [...names].sort((a, b) => {
    const byRank = rank(a) - rank(b);
    if (byRank !== 0) return byRank;
    if (rank(a) === 0) {
      const [ay, an] = a.split('.').map(Number);
      const [by, bn] = b.split('.').map(Number);
      return by - ay || bn - an;
    }
    if (rank(a) === 1) return a < b ? 1 : a > b ? -1 : 0;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

/** Folders of a specs tree that hold no release. */
const OTHER_FOLDERS = new Set(['backlog', 'abandoned', 'templates']);

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type RuleTally = Readonly<Record<string, { readonly count: number; readonly severity: Severity }>>;

const GRAVITY: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** "12 missing-section, 37 rest-json, ...": errors first, then by count; the first `most` rules. */
export function rulesSummary(byRule: RuleTally, most = 6): string {
  const entries = Object.entries(byRule).sort(
    ([a, x], [b, y]) => GRAVITY.indexOf(x.severity) - GRAVITY.indexOf(y.severity) || y.count - x.count || (a < b ? -1 : 1),
  );
  const shown = entries.slice(0, most).map(([code, { count }]) => `${count} ${code}`);
  const rest = entries.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more rule${rest === 1 ? '' : 's'}` : shown.join(', ');
}

/** How many problems of the tally are errors. */
export function errorCount(byRule: RuleTally): number {
  return Object.values(byRule).reduce((sum, entry) => sum + (entry.severity === 'error' ? entry.count : 0), 0);
}
