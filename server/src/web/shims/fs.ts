// node:fs for the web build: there is no file system (files come through the client, see
// lsp/files.ts). Every call fails like a missing file, so the code that tries the disk falls back.
const missing = (filePath: unknown): Error =>
  Object.assign(new Error(`ENOENT: no file system in the web build: ${String(filePath)}`), { code: 'ENOENT' });

export function statSync(filePath: unknown, options?: { throwIfNoEntry?: boolean }): never | undefined {
  if (options?.throwIfNoEntry === false) return undefined;
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
export const promises = {
  readFile: async (filePath: unknown): Promise<never> => {
    throw missing(filePath);
  },
};
export default { statSync, readFileSync, readdirSync, existsSync, realpathSync, promises };
