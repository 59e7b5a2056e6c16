// The language server's V8 code cache, kept by the client (docs/performance.md). The
// server must not write files, and a cache is valid only for the runtime that made it (VS Code's
// Electron, or the Node that runs the server): so the server makes it once it has checked a spec,
// offers it to the client in a notification, and the client stores it in its own storage and
// names that folder on the server's command line at the next start. Shared by both sides.

/** The server's argument: `--code-cache-dir=FOLDER`, where the client keeps the caches it was offered. */
export const CODE_CACHE_DIR_ARGUMENT = '--code-cache-dir=';

/** Server to client: `{ fileName, data }`, the cache for the client to store as FOLDER/fileName. */
export const CODE_CACHE_NOTIFICATION = 'rst-specs/codeCache';

export interface CodeCacheOffer {
  readonly fileName: string;
  /** The cache's bytes, base64. */
  readonly data: string;
}

/**
 * What became of the stored cache: `none` when there was none to read, `damaged` when its checksum
 * did not match (not given to V8), `rejected` when V8 did not take it (another runtime or flags).
 */
export type CodeCacheState = 'none' | 'accepted' | 'damaged' | 'rejected';

const FILE_NAME = /^server-\d+-\d+\.cache$/;

/**
 * The cache's file name for a server bundle of this size and modification time: V8 checks its own
 * version and flags, but of the source only its length, so a cache must never meet another build.
 */
export function codeCacheFileName(bundle: { readonly size: number; readonly mtimeMs: number }): string {
  return `server-${bundle.size}-${Math.floor(bundle.mtimeMs)}.cache`;
}

export function isCodeCacheFileName(name: string): boolean {
  return FILE_NAME.test(name);
}

export function isCodeCacheOffer(value: unknown): value is CodeCacheOffer {
  const offer = value as Partial<CodeCacheOffer> | null;
  return (
    typeof offer?.fileName === 'string' && isCodeCacheFileName(offer.fileName) && typeof offer.data === 'string' && offer.data.length > 0
  );
}

/** The folder the command line names, if any. */
export function codeCacheFolderIn(argv: readonly string[]): string | undefined {
  const argument = argv.find((arg) => arg.startsWith(CODE_CACHE_DIR_ARGUMENT));
  const folder = argument?.slice(CODE_CACHE_DIR_ARGUMENT.length);
  return folder ? folder : undefined;
}
