import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { globToRegExp } from '../spec-files';

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

const GLOB_CHARACTERS = /[*?{]/;
const SKIPPED_FOLDERS = new Set(['node_modules']);

/** The path as shown: relative to `cwd` with `/` when inside it, else absolute. */
export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
  return path.sep === '\\' ? shown.replace(/\\/g, '/') : shown;
}

/** Turns the PATH, GLOB and `-` arguments into the files to check, in order, each once. */
export function expandInputs(inputs: readonly string[], cwd: string, select: Selector, stdinDisplay: string): Expansion {
  const targets: Target[] = [];
  const problems: string[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  const add = (absolute: string) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    targets.push({ absolute, display: displayPath(absolute, cwd) });
  };
  for (const input of inputs.length > 0 ? inputs : ['.']) {
    if (input === '-') {
      targets.push({ absolute: undefined, display: stdinDisplay });
      continue;
    }
    const absolute = path.resolve(cwd, input);
    const stat = statSync(absolute, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      const found = rstFilesBelow(absolute).filter((file) => select(file, 'folder') === undefined);
      const where = input === '.' && inputs.length === 0 ? 'the current folder' : `${input}`;
      if (found.length === 0) problems.push(`${where}: no specs found (no .rst file below it is selected by the include globs, except templates and excluded files)`);
      found.forEach(add);
    } else if (stat) {
      const reason = select(absolute, 'named');
      if (reason === undefined) add(absolute);
      else if (reason === 'template') skipped.push(`${input}: skipped: it is a template, not a spec`);
      else if (reason === 'excluded') skipped.push(`${input}: skipped: an exclude glob matches it`);
    } else if (GLOB_CHARACTERS.test(input)) {
      const matched = expandGlob(input, cwd);
      const found = matched.filter((file) => select(file, 'glob') === undefined);
      if (matched.length === 0) problems.push(`${input}: no file matches this pattern`);
      else if (found.length === 0) problems.push(`${input}: no specs among the files this pattern matches (templates and excluded files are skipped)`);
      found.forEach(add);
    } else {
      problems.push(`${input}: no such file or folder`);
    }
  }
  return { targets, problems, skipped };
}

/** Every *.rst file below a folder, in name order, leaving out node_modules and hidden folders. */
export function rstFilesBelow(folder: string): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const entryPath = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) walk(entryPath);
      } else if (entry.name.endsWith('.rst') && (entry.isFile() || statSync(entryPath, { throwIfNoEntry: false })?.isFile())) {
        found.push(entryPath);
      }
    }
  };
  walk(folder);
  return found;
}

/** Files matching a glob (`**`, `*`, `?`, `{a,b}`), relative to `cwd` unless absolute, in name order. */
export function expandGlob(glob: string, cwd: string): string[] {
  const normalised = glob.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  const segments = normalised.split('/');
  const firstGlob = segments.findIndex((segment) => GLOB_CHARACTERS.test(segment));
  const prefix = segments.slice(0, firstGlob).join('/');
  const root = path.resolve(cwd, prefix || '.');
  const pattern = globToRegExp(normalised);
  const rest = segments.slice(firstGlob);
  const maxDepth = rest.some((segment) => segment.includes('**')) ? Infinity : rest.length;
  const found: string[] = [];
  const walk = (folder: string, relative: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const entryRelative = relative ? `${relative}/${entry.name}` : entry.name;
      const entryPath = path.join(folder, entry.name);
      const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && statSync(entryPath, { throwIfNoEntry: false })?.isDirectory());
      if (isFolder) {
        if (depth + 1 < maxDepth && !SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) walk(entryPath, entryRelative, depth + 1);
      } else {
        const shown = prefix ? `${prefix}/${entryRelative}` : entryRelative;
        if (pattern.test(shown)) found.push(entryPath);
      }
    }
  };
  walk(root, '', 0);
  return found;
}
