import { posix as path } from 'node:path';
import { isWithin } from '../paths';

/** What locating a template may ask of the file system: pure, so tests and the web build can supply it. */
export interface TemplateFiles {
  exists(filePath: string): boolean;
  list(folder: string): readonly string[];
  /** The path with symbolic links resolved (where there are links: on disk). */
  realPath?(filePath: string): string;
}

export type TemplateChoice = { readonly kind: 'setting' | 'found'; readonly path: string } | { readonly kind: 'bundled' };

/** Folders that sort a release's specs by state: the release is the folder above them. */
export const SPEC_SUBFOLDERS = new Set(['approved', 'implemented', 'abandoned', 'redirects', 'backlog']);

/** Folders of specs not (yet) in a release: they use their own template, else the newest release's. */
const UNRELEASED = new Set(['backlog']);

/**
 * Which template a spec follows: the configured one; else, walking up from the spec's folder (up
 * to the workspace folder), the first folder that has one: a `template.rst` in it, or, for a
 * release folder, the release template beside it (`specs/pike/approved/x.rst` uses
 * `specs/pike-template.rst`, `specs/templates/pike-template.rst` or
 * `specs/pike-<codename>-template.rst`; a `backlog` folder `backlog-template.rst`, else the newest
 * release template beside it); else `templates/template.rst` beside a folder of specs; else the
 * bundled template. Paths are POSIX-style.
 */
export function locateTemplate(
  specPath: string,
  workspaceFolder: string | undefined,
  configured: string | undefined,
  files: TemplateFiles,
): TemplateChoice {
  if (configured) {
    const resolved = path.isAbsolute(configured) || !workspaceFolder ? configured : path.join(workspaceFolder, configured);
    return { kind: 'setting', path: resolved };
  }
  const folders = ancestors(path.dirname(specPath), workspaceFolder);
  // One walk up: the nearest folder that has a template decides, so an old template.rst at the
  // root does not shadow the release templates of the specs below it.
  for (const folder of folders) {
    const candidate = path.join(folder, 'template.rst');
    if (files.exists(candidate)) return { kind: 'found', path: candidate };
    // A release template sits beside its release folder: not looked for above the workspace folder.
    if (folder === workspaceFolder) continue;
    const release = path.basename(folder);
    const parent = path.dirname(folder);
    if (UNRELEASED.has(release)) {
      const own = releaseTemplate(parent, release, files) ?? newestReleaseTemplate(parent, files);
      if (own) return { kind: 'found', path: own };
      continue;
    }
    if (SPEC_SUBFOLDERS.has(release)) continue;
    const found = releaseTemplate(parent, release, files);
    if (found) return { kind: 'found', path: found };
  }
  for (const folder of folders) {
    const candidate = path.join(folder, 'templates', 'template.rst');
    if (files.exists(candidate)) return { kind: 'found', path: candidate };
  }
  return { kind: 'bundled' };
}

/** `<release>-template.rst`, `templates/<release>-template.rst` or `<release>-<codename>-template.rst` in `parent`. */
function releaseTemplate(parent: string, release: string, files: TemplateFiles): string | undefined {
  for (const folder of [parent, path.join(parent, 'templates')]) {
    const exact = path.join(folder, `${release}-template.rst`);
    if (files.exists(exact)) return exact;
    const named = files
      .list(folder)
      .filter((name) => name.startsWith(`${release}-`) && name.endsWith('-template.rst'))
      .sort()[0];
    if (named) return path.join(folder, named);
  }
  return undefined;
}

/** The template of the newest release in `parent` (a `<release>[-<codename>]-template.rst` with a `<release>` folder). */
function newestReleaseTemplate(parent: string, files: TemplateFiles): string | undefined {
  const releases = new Set(files.list(parent).filter((name) => !name.includes('-') && !name.endsWith('.rst') && !UNRELEASED.has(name)));
  for (const folder of [parent, path.join(parent, 'templates')]) {
    const templates = files.list(folder).filter((name) => name.endsWith('-template.rst') && releases.has(name.split('-')[0]));
    const newest = templates.sort((a, b) => compareReleases(a, b)).at(-1);
    if (newest) return path.join(folder, newest);
  }
  return undefined;
}

/**
 * OpenStack release order: named releases (austin … zed) alphabetically, which is their order, then
 * numbered ones (2023.1 …) by number.
 */
export function compareReleases(a: string, b: string): number {
  const numbered = (name: string) => /^\d{4}\.\d+/.exec(name)?.[0];
  const [na, nb] = [numbered(a), numbered(b)];
  if (na && nb) return Number(na.split('.')[0]) - Number(nb.split('.')[0]) || Number(na.split('.')[1]) - Number(nb.split('.')[1]);
  if (na || nb) return na ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The release a spec belongs to, from its path: the folder above its `approved/`, `implemented/`,
 * … folder (or its own folder), when that sits below a `specs` folder; `backlog` for the backlog.
 * `specs/queens/approved/x.rst` → `queens`; `doc/specs/approved/x.rst` → undefined.
 */
export function releaseOf(specPath: string): string | undefined {
  const parts = path.dirname(specPath).split('/').filter(Boolean);
  let index = parts.length - 1;
  while (index >= 0 && SPEC_SUBFOLDERS.has(parts[index]) && !UNRELEASED.has(parts[index])) index--;
  if (index < 0 || parts[index] === 'specs' || parts[index] === 'templates') return undefined;
  return parts.slice(0, index).includes('specs') ? parts[index] : undefined;
}

/** The folder and its ancestors, nearest first, stopping at the workspace folder when there is one. */
function ancestors(folder: string, stopAt: string | undefined): string[] {
  const result: string[] = [];
  for (let current = folder; ; current = path.dirname(current)) {
    result.push(current);
    if (current === stopAt || path.dirname(current) === current) break;
    if (stopAt && !isWithin(current, stopAt)) break;
  }
  return result;
}

/** The folders whose listings template lookup may need (for a client that lists them ahead of time). */
export function lookupFolders(specPath: string, workspaceFolder: string | undefined): string[] {
  const folders = new Set<string>();
  const inside = (folder: string) => !workspaceFolder || isWithin(folder, workspaceFolder);
  for (const folder of ancestors(path.dirname(specPath), workspaceFolder)) {
    const parent = path.dirname(folder);
    for (const candidate of [folder, path.join(folder, 'templates'), parent, path.join(parent, 'templates')]) {
      if (inside(candidate)) folders.add(candidate);
    }
  }
  return [...folders];
}

export function isTemplateFile(filePath: string): boolean {
  const name = path.basename(filePath);
  return name === 'template.rst' || name.endsWith('-template.rst') || path.basename(path.dirname(filePath)) === 'templates';
}
