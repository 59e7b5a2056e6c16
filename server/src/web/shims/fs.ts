// node:fs for the web build: there is no file system (files come through the client, see
// lsp/files.ts). Every call fails like a missing file, so the code that tries the disk falls back.
const missing = (filePath: unknown): Error =>
  Object.assign(new Error(`ENOENT: no file system in the web build: ${String(filePath)}`), { code: 'ENOENT' });

export function statSync(filePath: unknown, options?: { throwIfNoEntry?: boolean }): never | undefined {
  if (options?.throwIfNoEntry === false) return undefined;
  throw missing(filePath);
}
export function lstatSync(filePath: unknown): never {
  throw missing(filePath);
}
export function readFileSync(filePath: unknown): never {
  throw missing(filePath);
}
export function readdirSync(filePath: unknown): never {
  throw missing(filePath);
}
export function existsSync(): boolean {
  return false;
}
export function realpathSync(filePath: unknown): never {
  throw missing(filePath);
}
export function openSync(filePath: unknown): never {
  throw missing(filePath);
}
export function fstatSync(): never {
  throw missing('a file descriptor');
}
export function readSync(): never {
  throw missing('a file descriptor');
}
export function closeSync(): void {}
export const constants = { O_RDONLY: 0, O_NONBLOCK: 0 };
export const promises = {
  readFile: async (filePath: unknown): Promise<never> => {
    throw missing(filePath);
  },
  open: async (filePath: unknown): Promise<never> => {
    throw missing(filePath);
  },
  stat: async (filePath: unknown): Promise<never> => {
    throw missing(filePath);
  },
  readdir: async (filePath: unknown): Promise<never> => {
    throw missing(filePath);
  },
};
export default {
  statSync,
  lstatSync,
  readFileSync,
  readdirSync,
  existsSync,
  realpathSync,
  openSync,
  fstatSync,
  readSync,
  closeSync,
  constants,
  promises,
};
