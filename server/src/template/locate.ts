import { posix as path } from 'node:path';

/** What locating a template may ask of the file system: pure, so tests and the web build can supply it. */
export interface TemplateFiles {
  exists(filePath: string): boolean;
  list(folder: string): readonly string[];
}

export type TemplateChoice =
  | { readonly kind: 'setting' | 'found'; readonly path: string }
  | { readonly kind: 'bundled' };

export const SPEC_SUBFOLDERS = new Set(['approved', 'implemented', 'abandoned', 'redirects', 'backlog']);

/**
 * Which template a spec follows: the configured one; else the nearest `template.rst` in the spec's
 * folder or above (up to the workspace folder); else the release template beside the spec's release
 * folder (`specs/pike/approved/x.rst` uses `specs/pike-template.rst`, `specs/templates/pike-template.rst`
 * or `specs/pike-<codename>-template.rst`); else the bundled template. Paths are POSIX-style.
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
  for (const folder of folders) {
    const candidate = path.join(folder, 'template.rst');
    if (files.exists(candidate)) return { kind: 'found', path: candidate };
  }
  for (const folder of folders) {
    const release = path.basename(folder);
    if (SPEC_SUBFOLDERS.has(release)) continue;
    const parent = path.dirname(folder);
    for (const candidate of [path.join(parent, `${release}-template.rst`), path.join(parent, 'templates', `${release}-template.rst`)]) {
      if (files.exists(candidate)) return { kind: 'found', path: candidate };
    }
    const named = files.list(parent).find((name) => name.startsWith(`${release}-`) && name.endsWith('-template.rst'));
    if (named) return { kind: 'found', path: path.join(parent, named) };
  }
  return { kind: 'bundled' };
}

/** The folder and its ancestors, nearest first, stopping at the workspace folder when there is one. */
function ancestors(folder: string, stopAt: string | undefined): string[] {
  const result: string[] = [];
  for (let current = folder; ; current = path.dirname(current)) {
    result.push(current);
    if (current === stopAt || path.dirname(current) === current) break;
    if (stopAt && !current.startsWith(stopAt + '/')) break;
  }
  return result;
}

export function isTemplateFile(filePath: string): boolean {
  const name = path.basename(filePath);
  return name === 'template.rst' || name.endsWith('-template.rst') || path.basename(path.dirname(filePath)) === 'templates';
}
