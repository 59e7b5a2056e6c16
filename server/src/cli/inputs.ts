import { readdirSync, statSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch/posix';
import { describeFsError, realPathOf } from '../node-files';
import { normalisePath } from '../paths';
/** How a file came to be listed: named, matched by a glob the user gave, or found in a folder. */
export type Origin = 'named' | 'glob' | 'folder';

/** Why a file is not checked, or undefined to check it. */
export type Selector = (absolutePath: string, origin: Origin) => 'template' | 'excluded' | 'not-included' | undefined;

export interface Target {
  /** Absolute path; undefined for standard input. */
  readonly absolute: string | undefined;
  readonly display: string;
}

export interface Expansion {
  readonly targets: Target[];
  /** Each makes the run exit 2: a missing path, a folder with no specs, a glob matching nothing. */
  readonly problems: string[];
  /** Files named on the command line that are not checked, and why (not an error). */
  readonly skipped: string[];
}

const GLOB_CHARACTERS = /[*?{[]/;
const SKIPPED_FOLDERS = new Set(['node_modules']);

/** The path as shown: relative to `cwd` with `/` when inside it, else absolute. */
export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
  return path.sep === '\\' ? shown.replace(/\\/g, '/') : shown;
}

/** Turns the PATH, GLOB and `-` arguments into the files to check, in order, each real file once. */
export function expandInputs(inputs: readonly string[], cwd: string, select: Selector, stdinDisplay: string): Expansion {
  const problems: string[] = [];
  const skipped: string[] = [];
  const found: { absolute: string | undefined; real?: string }[] = [];
  const shown = (absolute: string) => displayPath(absolute, cwd);
  const report = (walk: Walk) =>
    problems.push(...walk.problems.map((problem) => `${shown(problem.path)}: cannot be read: ${problem.reason}`));
  for (const input of inputs.length > 0 ? inputs : ['.']) {
    if (input === '-') {
      found.push({ absolute: undefined });
      continue;
    }
    const absolute = path.resolve(cwd, input);
    let stat: Stats | undefined;
    try {
      stat = statSync(absolute, { throwIfNoEntry: false });
    } catch (error) {
      problems.push(`${input}: cannot be read: ${describeFsError(error)}`);
      continue;
    }
    if (stat?.isDirectory()) {
      const walk = walkRstFiles(absolute, () => true, Infinity);
      report(walk);
      const selected = walk.files.filter((file) => select(file.path, 'folder') === undefined);
      const where = input === '.' && inputs.length === 0 ? 'the current folder' : `${input}`;
      if (selected.length === 0 && walk.problems.length === 0) {
        problems.push(
          `${where}: no specs found (no .rst file below it is selected by the include globs, except templates and excluded files)`,
        );
      }
      for (const file of selected) found.push({ absolute: file.path, real: file.real });
    } else if (stat?.isFile()) {
      const reason = select(absolute, 'named');
      if (reason === undefined) found.push({ absolute, real: realPathOf(absolute) });
      else if (reason === 'template') skipped.push(`${input}: skipped: it is a template, not a spec`);
      else if (reason === 'excluded') skipped.push(`${input}: skipped: an exclude glob matches it`);
    } else if (stat) {
      problems.push(`${input}: cannot be read: not a regular file (a device, pipe or socket), so it was not read`);
    } else if (GLOB_CHARACTERS.test(input)) {
      const walk = expandGlob(input, cwd);
      report(walk);
      const selected = walk.files.filter((file) => select(file.path, 'glob') === undefined);
      if (walk.files.length === 0 && walk.problems.length === 0) problems.push(`${input}: no file matches this pattern`);
      else if (selected.length === 0 && walk.problems.length === 0) {
        problems.push(`${input}: no specs among the files this pattern matches (templates and excluded files are skipped)`);
      }
      for (const file of selected) found.push({ absolute: file.path, real: file.real });
    } else {
      problems.push(`${input}: no such file or folder`);
    }
  }
  return { targets: oncePerRealFile(found, shown, stdinDisplay), problems, skipped };
}

/**
 * Each real file once, where it first came, under its own path when it was also reached there (not
 * through a link): nova-specs' doc/source/specs/<release>/approved links to specs/<release>/approved.
 */
function oncePerRealFile(
  found: readonly { absolute: string | undefined; real?: string }[],
  shown: (absolute: string) => string,
  stdinDisplay: string,
): Target[] {
  const direct = new Set(
    found.filter((file) => file.absolute !== undefined && file.real === normalisePath(file.absolute)).map((file) => file.real),
  );
  const targets: Target[] = [];
  const seen = new Set<string>();
  for (const file of found) {
    if (file.absolute === undefined) {
      targets.push({ absolute: undefined, display: stdinDisplay });
      continue;
    }
    const key = file.real ?? file.absolute;
    if (seen.has(key)) continue;
    const absolute = file.real !== undefined && direct.has(file.real) ? file.real : file.absolute;
    seen.add(key);
    targets.push({ absolute, display: shown(absolute) });
  }
  return targets;
}

interface Walk {
  /** Regular .rst files, in path order, with their real paths. */
  readonly files: { path: string; real: string }[];
  /** What could not be read: a folder, a link in a loop, a .rst file that is not a regular file. */
  readonly problems: { path: string; reason: string }[];
}

/**
 * The regular *.rst files below a folder, in name order, leaving out node_modules and hidden
 * folders; links to folders are followed unless they lead back to a folder being walked (a loop).
 * `accept(relative)` says which files; at most `maxDepth` levels.
 */
function walkRstFiles(root: string, accept: (relative: string) => boolean, maxDepth: number): Walk {
  const walk: Walk = { files: [], problems: [] };
  const visit = (folder: string, relative: string, depth: number, realAncestors: readonly string[]) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      walk.problems.push({ path: folder, reason: describeFsError(error) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const realFolder = realAncestors[realAncestors.length - 1];
    for (const entry of entries) {
      const entryPath = path.join(folder, entry.name);
      const entryRelative = relative ? `${relative}/${entry.name}` : entry.name;
      let stat: Stats | undefined = undefined;
      if (entry.isSymbolicLink()) {
        try {
          stat = statSync(entryPath);
        } catch (error) {
          // A dangling link or a loop: an error only where a spec was expected.
          if (entry.name.endsWith('.rst')) walk.problems.push({ path: entryPath, reason: describeFsError(error) });
          continue;
        }
      }
      const isFolder = stat ? stat.isDirectory() : entry.isDirectory();
      if (isFolder) {
        if (SKIPPED_FOLDERS.has(entry.name) || entry.name.startsWith('.') || depth + 1 >= maxDepth) continue;
        const real = stat ? realPathOf(entryPath) : `${realFolder}/${entry.name}`;
        if (real === undefined || realAncestors.some((ancestor) => ancestor === real || ancestor.startsWith(`${real}/`))) continue;
        visit(entryPath, entryRelative, depth + 1, [...realAncestors, real]);
      } else if (entry.name.endsWith('.rst') && accept(entryRelative)) {
        const isFile = stat ? stat.isFile() : entry.isFile();
        if (!isFile) {
          walk.problems.push({ path: entryPath, reason: 'not a regular file (a device, pipe or socket), so it was not read' });
          continue;
        }
        walk.files.push({ path: entryPath, real: (stat && realPathOf(entryPath)) || `${realFolder}/${entry.name}` });
      }
    }
  };
  visit(root, '', 0, [realPathOf(root) ?? normalisePath(root)]);
  return walk;
}

/** Files matching a glob (picomatch: `**`, `*`, `?`, `{a,b}`, `[ab]`), relative to `cwd` unless absolute, in name order. */
function expandGlob(glob: string, cwd: string): Walk {
  const normalised = (path.sep === '\\' ? glob.replace(/\\/g, '/') : glob).replace(/^(\.\/)+/, '');
  const segments = normalised.split('/');
  const firstGlob = segments.findIndex((segment) => GLOB_CHARACTERS.test(segment));
  const prefix = segments.slice(0, firstGlob).join('/');
  const root = path.resolve(cwd, prefix || '.');
  const rest = segments.slice(firstGlob).join('/');
  const maxDepth = rest.includes('**') ? Infinity : segments.length - firstGlob;
  let matches: (relative: string) => boolean;
  try {
    matches = picomatch(rest, { dot: true });
  } catch {
    return { files: [], problems: [{ path: glob, reason: 'not a glob that can be read' }] };
  }
  return walkRstFiles(root, matches, maxDepth);
}
