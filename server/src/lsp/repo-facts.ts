// What the language server reads of a spec's repository besides its template and config, through
// the same file access (disk, or the client): the optional sections of the repo's own check
// (`tests/test_titles.py`, as text) and the API path names its other specs use (rest-url). The
// other specs are read in the background, once per repository and only when a spec first has a
// name to look up; until then rest-url waits (reports no underscore), and `onReady` re-checks.
import { posix as path } from 'node:path';
import { ApiNameIndex, type ExistingApiNames, PENDING_API_NAMES } from '../rules/rest/api-names';
import { isTemplateFile } from '../template/locate';
import type { OptionalSectionsSetting } from '../template/optional';
import { parseTestTitles, repoRootOf, testTitlesCandidates } from '../template/test-titles';
import type { FileAccess } from './files';

/** The most files one repository scan reads. */
const MAX_SCANNED = 20000;

export interface RepoOptional {
  readonly setting: OptionalSectionsSetting;
  readonly source: string;
}

/** How a scan lists and reads files: from disk, or through the client's file access. */
interface ScanFiles {
  entries(folder: string): Promise<readonly { readonly name: string; readonly folder: boolean }[]>;
  read(filePath: string): Promise<string | undefined>;
}

export class RepoFacts {
  private readonly optional = new Map<string, { stamp: string; value: RepoOptional | undefined }>();
  private readonly indexes = new Map<string, ApiNameIndex>();
  private readonly scanning = new Set<string>();
  private readonly rootByFolder = new Map<string, string | undefined>();
  /** Told when a repository's names are known (the specs are then checked again). */
  onReady: (() => void) | undefined;

  /** The spec's `tests/test_titles.py` (beside its `specs` folder, in the workspace), read as data; read ahead through a client first (`candidates`). */
  optionalFor(filePath: string, workspaceFolder: string | undefined, access: FileAccess): RepoOptional | undefined {
    for (const candidate of testTitlesCandidates(filePath, workspaceFolder)) {
      let stamp: string;
      try {
        stamp = access.reader.stamp(candidate);
      } catch {
        continue;
      }
      const cached = this.optional.get(candidate);
      if (cached?.stamp === stamp) return cached.value;
      let setting: OptionalSectionsSetting | undefined;
      try {
        setting = parseTestTitles(access.reader.read(candidate));
      } catch {
        setting = undefined;
      }
      const value = setting && { setting, source: candidate };
      this.optional.set(candidate, { stamp, value });
      return value;
    }
    return undefined;
  }

  /** The names the spec's repository uses elsewhere; the repository is read on first use, in the background. */
  apiNamesFor(filePath: string, workspaceFolder: string | undefined, access: FileAccess, scan: ScanFiles): ExistingApiNames | undefined {
    const folder = path.dirname(filePath);
    if (!this.rootByFolder.has(folder)) {
      this.rootByFolder.set(folder, repoRootOf(filePath, (at) => access.files.list(at), workspaceFolder) ?? workspaceFolder);
    }
    const root = this.rootByFolder.get(folder);
    if (!root) return undefined;
    const facts = this;
    let view: ExistingApiNames | undefined;
    const known = () => {
      const index = facts.indexes.get(root);
      if (index) return (view ??= index.forSpec(filePath));
      facts.startScan(root, scan);
      return PENDING_API_NAMES;
    };
    return {
      get complete() {
        return known().complete;
      },
      get names() {
        return known().names;
      },
    };
  }

  /** A spec file changed on disk: its names are read again where its repository was read. Whether any were. */
  async specChanged(filePath: string, scan: ScanFiles): Promise<boolean> {
    if (!filePath.endsWith('.rst') || isTemplateFile(filePath) || !filePath.split('/').includes('specs')) return false;
    const roots = [...this.indexes.keys()].filter((root) => filePath.startsWith(`${root}/`));
    if (roots.length === 0) return false;
    const text = await scan.read(filePath);
    for (const root of roots) this.indexes.get(root)?.update(filePath, text);
    return true;
  }

  /** Drops the checks and repository roots read (a file changed); the names are kept up to date by `specChanged`. */
  forget(): void {
    this.optional.clear();
    this.rootByFolder.clear();
  }

  private startScan(root: string, scan: ScanFiles): void {
    if (this.scanning.has(root)) return;
    this.scanning.add(root);
    void scanRepo(root, scan)
      .then((index) => {
        this.indexes.set(root, index);
        this.onReady?.();
      })
      // A scan reports no errors (unreadable files are skipped); this only keeps a bug from ending the server.
      .catch(() => undefined)
      .finally(() => this.scanning.delete(root));
  }
}

/** Every spec below the root (`*.rst` in or under a `specs` folder, not templates, not in hidden folders), read for its names. */
async function scanRepo(root: string, scan: ScanFiles): Promise<ApiNameIndex> {
  const index = new ApiNameIndex();
  let count = 0;
  const walk = async (folder: string, inSpecs: boolean): Promise<void> => {
    for (const entry of await scan.entries(folder)) {
      if (count >= MAX_SCANNED || entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(folder, entry.name);
      if (entry.folder) await walk(full, inSpecs || entry.name === 'specs');
      else if (inSpecs && entry.name.endsWith('.rst') && !isTemplateFile(full)) {
        count++;
        const text = await scan.read(full);
        if (text !== undefined) index.add(full, text);
      }
    }
  };
  await walk(root, false);
  return index;
}

/** A scan of the disk (links not followed). */
export function diskScan(): ScanFiles {
  // Loaded on first use (the web build has no file system).
  const fs = () => import('node:fs/promises');
  return {
    async entries(folder) {
      try {
        const entries = await (await fs()).readdir(folder, { withFileTypes: true });
        return entries
          .filter((entry) => entry.isDirectory() || entry.isFile())
          .map((entry) => ({ name: entry.name, folder: entry.isDirectory() }));
      } catch {
        return [];
      }
    },
    async read(filePath) {
      try {
        return await (await fs()).readFile(filePath, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

/** A scan through the client's file access: a name that ends in `.rst` is a file, one without a dot a folder. */
export function accessScan(access: FileAccess): ScanFiles {
  return {
    async entries(folder) {
      await access.prefetchFolders([folder]);
      return access.files
        .list(folder)
        .filter((name) => name.endsWith('.rst') || !name.includes('.'))
        .map((name) => ({ name, folder: !name.endsWith('.rst') }));
    },
    async read(filePath) {
      await access.prefetchFile(filePath);
      try {
        return access.reader.read(filePath);
      } catch {
        return undefined;
      }
    },
  };
}
