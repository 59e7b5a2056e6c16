// What the CLI reads of a spec's repository besides its template and config: the optional sections
// of the repo's own check (`tests/test_titles.py`, read as text) and the API path names its specs
// already use (for rest-url). Each is read once per run, and only when a spec needs it.
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { ApiNameIndex, type ExistingApiNames } from '../rules/rest/api-names';
import { toPosix } from '../paths';
import { isTemplateFile } from '../template/locate';
import type { OptionalSectionsSetting } from '../template/optional';
import { parseTestTitles, repoRootOf, testTitlesCandidates } from '../template/test-titles';

/** The most files a repository scan reads (a specs repo has hundreds). */
const MAX_SCANNED = 20000;
const SKIPPED_FOLDERS = new Set(['node_modules']);

export interface RepoOptional {
  readonly setting: OptionalSectionsSetting;
  /** The `tests/test_titles.py` it was read from (absolute). */
  readonly source: string;
}

export class RepoFacts {
  private readonly listings = new Map<string, readonly string[]>();
  private readonly optional = new Map<string, RepoOptional | undefined>();
  private readonly indexes = new Map<string, ApiNameIndex>();
  private readonly roots = new Map<string, string | undefined>();

  /** What the repo's `tests/test_titles.py` beside the spec's `specs` folder makes optional; undefined: no such file, or not readable as data. */
  optionalFor(specPath: string): RepoOptional | undefined {
    const candidate = testTitlesCandidates(toPosix(specPath)).find((file) =>
      this.list(path.posix.dirname(file)).includes('test_titles.py'),
    );
    if (!candidate) return undefined;
    if (!this.optional.has(candidate)) {
      let setting: OptionalSectionsSetting | undefined;
      try {
        setting = parseTestTitles(readFileSync(candidate, 'utf8'));
      } catch {
        setting = undefined;
      }
      this.optional.set(candidate, setting && { setting, source: candidate });
    }
    return this.optional.get(candidate);
  }

  /** The names the other specs of the spec's repository use; the repository is read on first use. */
  apiNamesFor(specPath: string): ExistingApiNames | undefined {
    const spec = toPosix(specPath);
    // The root depends only on the spec's folder: looked for once per folder.
    const folder = path.posix.dirname(spec);
    const list = (parent: string) => this.list(parent);
    if (!this.roots.has(folder)) this.roots.set(folder, repoRootOf(spec, list));
    const root = this.roots.get(folder);
    if (!root) return undefined;
    const facts = this;
    let view: ExistingApiNames | undefined;
    // Read lazily: only a spec with an underscore in a REST URL asks for the names.
    return {
      complete: true,
      get names() {
        view ??= facts.index(root).forSpec(spec);
        return view.names;
      },
    };
  }

  private index(root: string): ApiNameIndex {
    let index = this.indexes.get(root);
    if (!index) {
      index = new ApiNameIndex();
      for (const file of specFilesUnder(root)) {
        try {
          index.add(file, readFileSync(file, 'utf8'));
        } catch {
          // An unreadable spec has no names to give; it is reported when it is checked itself.
        }
      }
      this.indexes.set(root, index);
    }
    return index;
  }

  private list(folder: string): readonly string[] {
    let names = this.listings.get(folder);
    if (!names) {
      try {
        names = readdirSync(folder);
      } catch {
        names = [];
      }
      this.listings.set(folder, names);
    }
    return names;
  }
}

/** The specs of a repository: `*.rst` files in or below a `specs` folder, not templates, not behind links or in hidden folders. */
export function specFilesUnder(root: string): string[] {
  const found: string[] = [];
  const walk = (folder: string, inSpecs: boolean) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (found.length >= MAX_SCANNED) return;
      if (entry.name.startsWith('.')) continue;
      const full = path.posix.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(full, inSpecs || entry.name === 'specs');
      } else if (inSpecs && entry.isFile() && entry.name.endsWith('.rst') && !isTemplateFile(full)) found.push(full);
    }
  };
  walk(toPosix(root), false);
  return found;
}
