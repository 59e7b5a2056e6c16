// node:path for the web build (POSIX only): what the server's modules use of it.
const normalizeParts = (parts: string[], absolute: boolean): string[] => {
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else out.push(part);
  }
  return out;
};

/** A loop, not `/\/+$/` (which backtracks on a run of slashes). */
function withoutTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 47) end--;
  return text.slice(0, end);
}

export const sep = '/';
export const delimiter = ':';

export function isAbsolute(p: string): boolean {
  return p.startsWith('/');
}

export function normalize(p: string): string {
  const absolute = isAbsolute(p);
  const trailing = p.endsWith('/') && p.length > 1;
  const joined = normalizeParts(p.split('/'), absolute).join('/');
  const result = (absolute ? '/' : '') + joined;
  return (result || (absolute ? '/' : '.')) + (trailing && joined ? '/' : '');
}

export function join(...parts: string[]): string {
  const joined = parts.filter((part) => part !== '').join('/');
  return joined === '' ? '.' : normalize(joined);
}

export function resolve(...parts: string[]): string {
  let resolved = '';
  for (let index = parts.length - 1; index >= 0 && !isAbsolute(resolved); index--) {
    if (parts[index]) resolved = resolved ? `${parts[index]}/${resolved}` : parts[index];
  }
  if (!isAbsolute(resolved)) resolved = `/${resolved}`;
  const result = normalize(resolved);
  return result.length > 1 && result.endsWith('/') ? result.slice(0, -1) : result;
}

export function dirname(p: string): string {
  if (p === '') return '.';
  const trimmed = p.length > 1 ? withoutTrailingSlashes(p) : p;
  const index = trimmed.lastIndexOf('/');
  if (index < 0) return '.';
  if (index === 0) return '/';
  return trimmed.slice(0, index);
}

export function basename(p: string, extension?: string): string {
  const trimmed = p.length > 1 ? withoutTrailingSlashes(p) : p;
  const base = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  return extension && base.endsWith(extension) && base !== extension ? base.slice(0, -extension.length) : base;
}

export function extname(p: string): string {
  const base = basename(p);
  const index = base.lastIndexOf('.');
  return index <= 0 ? '' : base.slice(index);
}

export function relative(from: string, to: string): string {
  const a = resolve(from).split('/').filter(Boolean);
  const b = resolve(to).split('/').filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}

export const posix = { sep, delimiter, isAbsolute, normalize, join, resolve, dirname, basename, extname, relative };
export default posix;
