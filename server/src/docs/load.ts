// The docs trees of specs on disk: which tree a spec is in, each tree scanned once and kept until
// `forget` (a file changed). A loader: the file system is read here; docs/tree.ts stays pure.
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { posix as path } from 'node:path';
import { type DocsFiles, DocsTree, findDocsRoot } from './tree';
import { REPO_MARKERS } from '../repo/layout';

export const nodeDocsFiles: DocsFiles = {
  list(folder) {
    try {
      return readdirSync(folder);
    } catch {
      return [];
    }
  },
  isFolder(filePath) {
    try {
      return statSync(filePath).isDirectory();
    } catch {
      return false;
    }
  },
  read(filePath) {
    try {
      return readFileSync(filePath, 'utf8');
    } catch {
      return undefined;
    }
  },
  realPath(filePath) {
    try {
      return realpathSync(filePath);
    } catch {
      return filePath;
    }
  },
};

/** Where a spec sits in its docs tree. */
export interface DocsPlace {
  readonly tree: DocsTree;
  readonly docname: string;
}

export class DocsTrees {
  private readonly trees = new Map<string, DocsTree>();
  private readonly roots = new Map<string, string | null>();

  constructor(private readonly files: DocsFiles = nodeDocsFiles) {}

  /**
   * The tree a spec is built in and its docname there; undefined when no conf.py is found (up to
   * the workspace folder, else up to the repo's top folder) or the tree does not hold the spec.
   * With `confine`, nothing outside that folder (links resolved) is read.
   */
  placeOf(specPath: string, stopAt: string | undefined, confine: string | undefined): DocsPlace | undefined {
    const tree = this.treeOf(specPath, stopAt, confine);
    const docname = tree?.docnameOf(specPath);
    return tree && docname !== undefined ? { tree, docname } : undefined;
  }

  /** Reads the spec's tree ahead, in slices between which the server answers other messages (docs/tree.ts warm). */
  async warm(specPath: string, stopAt: string | undefined, confine: string | undefined): Promise<void> {
    await this.treeOf(specPath, stopAt, confine)?.warm(() => new Promise((resolve) => setImmediate(resolve)));
  }

  private treeOf(specPath: string, stopAt: string | undefined, confine: string | undefined): DocsTree | undefined {
    const folder = path.dirname(specPath);
    let root = this.roots.get(folder);
    if (root === undefined) {
      root = findDocsRoot(specPath, this.files, stopAt ?? this.repoTop(folder)) ?? null;
      this.roots.set(folder, root);
    }
    if (root === null) return undefined;
    let tree = this.trees.get(root);
    if (!tree) {
      tree = new DocsTree(root, confine === undefined ? this.files : confined(this.files, confine));
      this.trees.set(root, tree);
    }
    return tree;
  }

  forget(): void {
    this.trees.clear();
    this.roots.clear();
  }

  /** The nearest folder at or above `folder` that is a repo's top (`.git`, `tox.ini`, ...; none: the lookup goes to the root). */
  private repoTop(folder: string): string | undefined {
    for (let current = folder; ; current = path.dirname(current)) {
      if (this.files.list(current).some((name) => REPO_MARKERS.has(name))) return current;
      if (path.dirname(current) === current) return undefined;
    }
  }
}

/** The files, with everything outside `folder` (symbolic links resolved) unreadable and unlisted. */
function confined(files: DocsFiles, folder: string): DocsFiles {
  const top = files.realPath(folder);
  const inside = (filePath: string) => {
    const real = files.realPath(filePath);
    return real === top || real.startsWith(`${top}/`);
  };
  return {
    list: (target) => (inside(target) ? files.list(target) : []),
    isFolder: (target) => inside(target) && files.isFolder(target),
    read: (target) => (inside(target) ? files.read(target) : undefined),
    realPath: (target) => files.realPath(target),
  };
}
