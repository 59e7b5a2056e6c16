// Which .rst files are specs: the include and exclude globs, read as .gitignore, ESLint and
// markdownlint read them (picomatch): a glob without a slash matches a file name at any depth; one
// with a slash matches the path from the globs' base (the config file's folder, else the workspace
// folder), `**` any folders, `{a,b}` and `[ab]` as in a shell. Pure: no file system.
import { posix as path } from 'node:path';
import picomatch from 'picomatch/posix';
import { isWithin, normalisePath } from './paths';
import { isTemplateFile } from './template/locate';

import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from './options';

export { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from './options';

/** Whether a file is a spec to check: it matches an include glob, no exclude glob, and isn't a template. */
export function isSpecFile(
  filePath: string,
  base: string | undefined,
  include: readonly string[] = DEFAULT_INCLUDE,
  exclude: readonly string[] = DEFAULT_EXCLUDE,
): boolean {
  const file = normalisePath(filePath);
  if (!file.endsWith('.rst') || isTemplateFile(file)) return false;
  return matchesAnyGlob(include, file, base) && !matchesAnyGlob(exclude, file, base);
}

/**
 * Whether any of `globs` matches the file: its path relative to `base` when it is inside it, else
 * its whole path. A glob that starts with `**\/` matches anywhere, so it is also tried on the whole
 * path: the default `**\/specs/**\/*.rst` selects the specs of a workspace opened at `specs/` itself.
 */
export function matchesAnyGlob(globs: readonly string[], filePath: string, base: string | undefined): boolean {
  const file = normalisePath(filePath);
  const whole = file.replace(/^[a-z]:/, '').replace(/^\/+/, '');
  const folder = base === undefined ? undefined : normalisePath(base);
  const inside = folder !== undefined && file !== folder && isWithin(file, folder);
  const relative = inside ? file.slice(folder.endsWith('/') ? folder.length : folder.length + 1) : whole;
  return globs.some((glob) => matchesGlob(glob, relative) || (inside && glob.startsWith('**/') && matchesGlob(glob, whole)));
}

const matchers = new Map<string, (relativePath: string) => boolean>();

/** Whether `relativePath` (POSIX, from the globs' base) matches `glob` (see the top of the file). */
export function matchesGlob(glob: string, relativePath: string): boolean {
  let matcher = matchers.get(glob);
  if (matcher === undefined) {
    if (matchers.size >= 1000) matchers.clear();
    matcher = compileGlob(glob);
    matchers.set(glob, matcher);
  }
  return matcher(relativePath);
}

function compileGlob(glob: string): (relativePath: string) => boolean {
  // `./specs/*.rst` and `/specs/*.rst` are anchored at the base, as in .gitignore.
  const anchored = glob.replace(/^(?:\.\/)+/, '').replace(/^\/(?!\/)/, '');
  let test: (text: string) => boolean;
  try {
    test = picomatch(anchored, { dot: true });
  } catch {
    return () => false; // picomatch refuses only globs over 64 KB: such a glob matches nothing
  }
  return anchored.includes('/') ? test : (relativePath) => test(path.basename(relativePath));
}

/** The regular expression picomatch makes of a glob (for the regex timing tests). */
export function globToRegExp(glob: string): RegExp {
  return picomatch.makeRe(glob, { dot: true });
}
