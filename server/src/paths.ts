// The one form in which the server and the CLI hold and compare file paths: forward slashes,
// `.` and `..` resolved, no slash at the end, a lower-case drive letter on Windows. Folder URIs
// come with or without a trailing slash, percent-encoded or not, `C:` or `c%3A`: each is turned
// into this form here, so that "inside a folder" is one string test everywhere. (Not vscode-uri:
// its bundle carries a path polyfill that calls process.cwd(), which the web build must not, and
// file: URIs need only the few rules below.) Pure: no file system.
import { posix } from 'node:path';

const IS_WINDOWS = typeof process !== 'undefined' && process.platform === 'win32';

/** `path` in the one form (see above); `windows` reads backslashes and drive letters (the platform's by default). */
export function normalisePath(filePath: string, windows = IS_WINDOWS): string {
  let rest = windows ? filePath.replace(/\\/g, '/') : filePath;
  let prefix = '';
  const drive = windows ? /^\/?([a-zA-Z]):(?=\/|$)/.exec(rest) : null;
  if (drive) {
    prefix = `${drive[1].toLowerCase()}:`;
    rest = rest.slice(drive[0].length) || '/';
  } else if (windows && rest.startsWith('//') && rest[2] !== '/') {
    prefix = '/'; // a UNC path, \\server\share: posix.normalize would fold its two slashes into one
    rest = rest.slice(1);
  }
  let normal = posix.normalize(rest);
  if (normal.length > 1 && normal.endsWith('/')) normal = normal.slice(0, -1);
  return prefix + normal;
}

/** A path of the platform with forward slashes (on Windows; elsewhere as it is), for the POSIX path functions. */
export function toPosix(filePath: string): string {
  return IS_WINDOWS ? filePath.replace(/\\/g, '/') : filePath;
}

/** Whether `filePath` is `folder` or inside it; both in the one form (normalisePath). */
export function isWithin(filePath: string, folder: string): boolean {
  if (filePath === folder) return true;
  return filePath.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
}

/** The innermost of `folders` that holds `filePath` (all in the one form), or undefined. */
export function innermostFolder(filePath: string, folders: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const folder of folders) if (isWithin(filePath, folder) && (best === undefined || folder.length > best.length)) best = folder;
  return best;
}

const FILE_URI = /^file:\/\/([^/?#]*)([^?#]*)/i;

/**
 * The local path of a `file:` URI, in the one form; undefined for another scheme, a URI that
 * cannot be decoded, or a file on another host (`file://host/...`: a UNC path on Windows only).
 */
export function filePathOfUri(uri: string, windows = IS_WINDOWS): string | undefined {
  const match = FILE_URI.exec(uri);
  if (!match) return undefined;
  let host: string;
  let filePath: string;
  try {
    host = decodeURIComponent(match[1]).toLowerCase();
    filePath = decodeURIComponent(match[2]) || '/';
  } catch {
    return undefined;
  }
  if (!filePath.startsWith('/') || filePath.includes('\u0000')) return undefined;
  if (host === 'localhost') host = '';
  if (host && !windows) return undefined;
  return normalisePath(host ? `//${host}${filePath}` : filePath, windows);
}
