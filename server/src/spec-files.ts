import { posix as path } from 'node:path';
import { isTemplateFile } from './template/locate';

export const DEFAULT_INCLUDE: readonly string[] = ['**/specs/**/*.rst'];
export const DEFAULT_EXCLUDE: readonly string[] = ['**/index.rst', '**/README.rst'];

/** Whether a file is a spec to check: it matches an include glob, no exclude glob, and isn't a template. */
export function isSpecFile(
  filePath: string,
  workspaceFolder: string | undefined,
  include: readonly string[] = DEFAULT_INCLUDE,
  exclude: readonly string[] = DEFAULT_EXCLUDE,
): boolean {
  if (!filePath.endsWith('.rst') || isTemplateFile(filePath)) return false;
  const relative = workspaceFolder && filePath.startsWith(workspaceFolder + '/')
    ? filePath.slice(workspaceFolder.length + 1)
    : filePath.replace(/^\/+/, '');
  const matches = (glob: string) => globToRegExp(glob).test(relative) || globToRegExp(glob).test(path.basename(relative));
  return include.some(matches) && !exclude.some(matches);
}

const cache = new Map<string, RegExp>();

/** `**` any folders, `*` any characters but `/`, `?` one character, `{a,b}` alternatives. */
export function globToRegExp(glob: string): RegExp {
  let regexp = cache.get(glob);
  if (regexp) return regexp;
  let source = '';
  for (let index = 0; index < glob.length; index++) {
    const character = glob[index];
    if (character === '*' && glob[index + 1] === '*') {
      const slash = glob[index + 2] === '/';
      source += slash ? '(?:[^/]*/)*' : '.*';
      index += slash ? 2 : 1;
    } else if (character === '*') source += '[^/]*';
    else if (character === '?') source += '[^/]';
    else if (character === '{') {
      const close = glob.indexOf('}', index);
      if (close < 0) source += '\\{';
      else {
        source += `(?:${glob.slice(index + 1, close).split(',').map(escape).join('|')})`;
        index = close;
      }
    } else source += escape(character);
  }
  regexp = new RegExp(`^${source}$`);
  cache.set(glob, regexp);
  return regexp;
}

function escape(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}
