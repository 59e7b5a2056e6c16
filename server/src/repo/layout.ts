// The layout of a specs repo as its own tests see it (nova-specs `tests/test_directories.py`):
// `specs/<release>/` holds only `approved/`, `implemented/` and `redirects`; `specs/abandoned/`
// holds the abandoned specs themselves. Pure: the folder listings come from the caller.
import { posix as path } from 'node:path';

/** What the layout needs of the file system: folder listings (names), as template lookup has. */
export interface LayoutFiles {
  list(folder: string): readonly string[];
}

/** The entries test_directories.py allows in `specs/<release>/`. */
export const RELEASE_ENTRIES: ReadonlySet<string> = new Set(['approved', 'implemented', 'redirects']);
/** The one folder of `specs/` that test_directories.py does not look into. */
export const ABANDONED = 'abandoned';

/** Files that mark the top folder of a repo. */
export const REPO_MARKERS: ReadonlySet<string> = new Set(['.git', '.gitreview', 'tox.ini', 'setup.cfg']);

/** Where a file sits in a repo's `specs/` folder. */
export interface SpecPlace {
  /** The repo's `specs` folder (absolute). */
  readonly specsFolder: string;
  /** The first folder below `specs/` (`2024.1`, `backlog`, `abandoned`). */
  readonly release: string;
  /** The folders between the release folder and the file (`['approved']`). */
  readonly folders: readonly string[];
  readonly fileName: string;
}

/**
 * The place of `filePath` below the nearest `specs` folder that is a top-level folder of its repo
 * (its parent is the workspace folder, or holds `.git`, `tox.ini`, ...): only those does the repo's
 * test look into (`doc/source/specs/` is the docs tree's view of them, not checked).
 */
export function specPlace(filePath: string, files: LayoutFiles, workspaceFolder?: string): SpecPlace | undefined {
  const parts = filePath.split('/');
  for (let index = parts.length - 3; index >= 1; index--) {
    if (parts[index] !== 'specs') continue;
    const specsFolder = parts.slice(0, index + 1).join('/');
    const repo = path.dirname(specsFolder);
    if (repo !== workspaceFolder && !files.list(repo).some((name) => REPO_MARKERS.has(name))) continue;
    return { specsFolder, release: parts[index + 1], folders: parts.slice(index + 2, -1), fileName: parts[parts.length - 1] };
  }
  return undefined;
}

/**
 * Whether the repo sorts its specs into release folders the way test_directories.py wants: it has
 * that test, or a release folder holds `approved/` or `redirects`, or one holds `implemented/` and
 * none holds a spec directly (a repo such as heat-specs keeps specs in the release folder itself).
 */
export function usesReleaseLayout(place: SpecPlace, files: LayoutFiles): boolean {
  const repo = path.dirname(place.specsFolder);
  if (files.list(path.join(repo, 'tests')).includes('test_directories.py')) return true;
  const releases = files.list(place.specsFolder).filter((name) => name !== ABANDONED && !name.endsWith('.rst') && !name.startsWith('.'));
  let implemented = false;
  let direct = false;
  for (const release of releases) {
    const own = release === place.release;
    const entries = files.list(path.join(place.specsFolder, release));
    if (entries.includes('approved') || entries.includes('redirects')) return true;
    implemented ||= entries.includes('implemented');
    direct ||= entries.some(
      (name) => name.endsWith('.rst') && !(own && name === place.fileName) && !name.endsWith('template.rst') && name !== 'index.rst',
    );
  }
  return implemented && !direct;
}

export interface Misplacement {
  /** `2024.1` for a spec at `specs/2024.1/x.rst`. */
  readonly release: string;
  /** The repo-relative folders of the message: `specs/2024.1` and `specs/2024.1/approved`. */
  readonly releaseFolder: string;
  readonly approvedFolder: string;
  /** Where the quick fix moves the spec (absolute). */
  readonly target: string;
}

/**
 * Why the repo's directory test would fail on this spec: it stands in `specs/<release>/` (or a
 * folder there) other than `approved/` or `implemented/`, in a repo that uses that layout.
 */
export function misplacement(filePath: string, files: LayoutFiles, workspaceFolder?: string): Misplacement | undefined {
  const place = specPlace(filePath, files, workspaceFolder);
  if (!place || place.release === ABANDONED || place.release.startsWith('.')) return undefined;
  const first = place.folders[0] ?? place.fileName;
  if (place.folders.length > 0 && (first === 'approved' || first === 'implemented')) return undefined;
  if (first.startsWith('.') || !usesReleaseLayout(place, files)) return undefined;
  const releaseFolder = `specs/${place.release}`;
  return {
    release: place.release,
    releaseFolder,
    approvedFolder: `${releaseFolder}/approved`,
    target: path.join(place.specsFolder, place.release, 'approved', place.fileName),
  };
}

/** test_directories.py's words (its assertion message). */
export function misplacementMessage(problem: Pick<Misplacement, 'releaseFolder' | 'approvedFolder'>): string {
  return `Found unexpected file in '${problem.releaseFolder}', specs should be submitted to '${problem.approvedFolder}'`;
}
