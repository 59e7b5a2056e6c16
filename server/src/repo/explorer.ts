// The specs explorer's model: the specs of a repo by release (newest first, then backlog and
// abandoned) and state (approved, implemented), each with its title and problem counts. Pure.
import { posix as path } from 'node:path';
import { compareReleases } from '../template/locate';
import { ABANDONED, type LayoutFiles, specPlace } from './layout';

export interface SpecEntry {
  /** The file's path (the first one found, where links give it more than one). */
  readonly file: string;
  readonly release: string;
  /** `approved`, `implemented`, or '' for a spec directly in the release folder (or in abandoned/). */
  readonly state: string;
  /** The spec's title, from the spec (its first section), else its file name. */
  readonly title: string;
  readonly errors: number;
  readonly problems: number;
}

export interface StateNode {
  readonly state: string;
  readonly problems: number;
  readonly specs: readonly SpecEntry[];
}

export interface ReleaseNode {
  readonly release: string;
  readonly specsFolder: string;
  readonly problems: number;
  readonly specCount: number;
  readonly states: readonly StateNode[];
}

const STATE_ORDER = ['approved', 'implemented', ''];

/** Where a spec file sits in a specs repo, for the explorer: undefined when it is not a spec of one. */
export function entryPlace(
  file: string,
  files: LayoutFiles,
  workspaceFolder?: string,
): { specsFolder: string; release: string; state: string } | undefined {
  const place = specPlace(file, files, workspaceFolder);
  if (!place) return undefined;
  const state =
    place.folders.length === 1 && (place.folders[0] === 'approved' || place.folders[0] === 'implemented') ? place.folders[0] : '';
  if (place.folders.length > 1) return undefined;
  return { specsFolder: place.specsFolder, release: place.release, state };
}

/** Newest release first; then backlog, then abandoned. */
export function compareReleasesNewestFirst(a: string, b: string): number {
  const rank = (name: string) => (name === ABANDONED ? 2 : name === 'backlog' ? 1 : 0);
  return rank(a) - rank(b) || compareReleases(b, a);
}

/** The explorer's tree; `onlyProblems`: only the specs with problems (and their releases). */
export function explorerTree(entries: Iterable<SpecEntry & { specsFolder: string }>, onlyProblems = false): ReleaseNode[] {
  const byRelease = new Map<string, { specsFolder: string; specs: SpecEntry[] }>();
  for (const entry of entries) {
    if (onlyProblems && entry.problems === 0) continue;
    const key = `${entry.specsFolder}\n${entry.release}`;
    const group = byRelease.get(key) ?? { specsFolder: entry.specsFolder, specs: [] };
    group.specs.push(entry);
    byRelease.set(key, group);
  }
  const releases: ReleaseNode[] = [];
  for (const [key, group] of byRelease) {
    const release = key.slice(key.indexOf('\n') + 1);
    const states: StateNode[] = [];
    for (const state of STATE_ORDER) {
      const specs = group.specs
        .filter((spec) => spec.state === state)
        .sort((a, b) => a.title.localeCompare(b.title) || a.file.localeCompare(b.file));
      if (specs.length > 0) states.push({ state, problems: sum(specs), specs });
    }
    releases.push({ release, specsFolder: group.specsFolder, problems: sum(group.specs), specCount: group.specs.length, states });
  }
  return releases.sort((a, b) => a.specsFolder.localeCompare(b.specsFolder) || compareReleasesNewestFirst(a.release, b.release));
}

function sum(specs: readonly SpecEntry[]): number {
  return specs.reduce((total, spec) => total + spec.problems, 0);
}

/** A spec's title for the explorer: its first section's title, else its file name without `.rst`. */
export function specTitle(firstTitle: string | undefined, file: string): string {
  return firstTitle && firstTitle.trim() !== '' ? firstTitle : path.basename(file, '.rst');
}
