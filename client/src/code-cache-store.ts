// The client's side of the server's code cache (server/src/code-cache.ts): stores what the server
// offers in the extension's own storage, replacing the caches of earlier builds. No editor imports
// (tested without VS Code, used by the benchmark as the client's part).
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isCodeCacheFileName, isCodeCacheOffer } from '../../server/src/protocol';

/** Stores the offer as FOLDER/fileName (written aside, then renamed: a server starting meanwhile never reads half a file). */
export function storeCodeCache(folder: string, offer: unknown): void {
  if (!isCodeCacheOffer(offer)) throw new Error('the server offered a code cache without a valid file name or data');
  mkdirSync(folder, { recursive: true });
  const target = join(folder, offer.fileName);
  const partial = `${target}.${process.pid}.partial`;
  try {
    writeFileSync(partial, Buffer.from(offer.data, 'base64'));
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
  for (const name of readdirSync(folder)) {
    if (name !== offer.fileName && isCodeCacheFileName(name)) rmSync(join(folder, name), { force: true });
  }
}
