// Runs a bundle (server/out/*-main.js) as Node runs a CommonJS module, compiled with a V8 code cache
// when there is one: V8 then skips compiling the bundle and each function it holds on first call.
// V8 takes a cache only from its own version and flags, and compiles as usual otherwise. It does
// not check a cache's bytes (release builds): a damaged cache of the right length stops the
// process with a fatal error. So a cache is stored sealed with a checksum of its bytes, and one
// whose checksum does not match is not given to V8. Used by the CLI's and the server's entries.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import type { CodeCacheState } from './code-cache';

export interface LoadedBundle {
  readonly exports: unknown;
  /** For making a cache: `sealCodeCache(script.createCachedData())` once the code that matters has run. */
  readonly script: Script;
  readonly cache: CodeCacheState;
}

/**
 * `scriptName`: the name stack traces show for the bundle. A code cache keeps the name of the script
 * it was made from, and V8 shows that one, not the name it is later loaded with: a cache made to
 * be shipped is made under a bare file name, so that no build machine's path travels with it.
 * `compiled` gets the script and what became of the cache before the bundle runs: the CLI's bundle
 * ends the process itself when its work is done, so what is to happen at exit is set up there.
 */
export function loadBundle(
  mainFile: string,
  cacheFile: string | undefined,
  scriptName = mainFile,
  compiled?: (script: Script, cache: CodeCacheState) => void,
): LoadedBundle {
  const source = readFileSync(mainFile, 'utf8');
  let stored: Buffer | undefined;
  try {
    if (cacheFile) stored = readFileSync(cacheFile);
  } catch {
    // no cache yet, or unreadable: compiled as usual
  }
  const cachedData = stored && unsealCodeCache(stored);
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: scriptName,
    cachedData,
  });
  const cache = !stored ? 'none' : !cachedData ? 'damaged' : script.cachedDataRejected ? 'rejected' : 'accepted';
  compiled?.(script, cache);
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require, module, mainFile, dirname(mainFile));
  return { exports: module.exports, script, cache };
}

// 8 bytes, so that V8's data stays as aligned as V8 wants it (else it copies the data first).
const HEADER_BYTES = 8;

/** The cache as stored: the checksum and the length of V8's data (little-endian), then the data. */
export function sealCodeCache(data: Buffer): Buffer {
  const sealed = Buffer.alloc(HEADER_BYTES + data.length);
  sealed.writeUInt32LE(checksum(data), 0);
  sealed.writeUInt32LE(data.length, 4);
  data.copy(sealed, HEADER_BYTES);
  return sealed;
}

/** V8's data, or undefined when the length or checksum does not match. */
export function unsealCodeCache(stored: Buffer): Buffer | undefined {
  if (stored.length <= HEADER_BYTES || stored.readUInt32LE(4) !== stored.length - HEADER_BYTES) return undefined;
  const data = stored.subarray(HEADER_BYTES);
  return stored.readUInt32LE(0) === checksum(data) ? data : undefined;
}

/**
 * FNV-1a over 32-bit words: each step is a bijection of the running hash, so a change in any one
 * word always changes the result. Against accidents (a torn write, a bad sector), not attackers:
 * whoever can write the client's storage can write the extension itself. About 3 ms for the
 * server's 600 KB cache in a fresh process (a typed array; Buffer.readUInt32LE took 8).
 */
function checksum(bytes: Buffer): number {
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  const words = new Uint32Array(aligned.buffer, aligned.byteOffset, bytes.length >>> 2);
  let hash = 0x811c9dc5;
  for (let index = 0; index < words.length; index++) hash = Math.imul(hash ^ words[index], 0x01000193);
  for (let index = words.length << 2; index < bytes.length; index++) hash = Math.imul(hash ^ bytes[index], 0x01000193);
  return hash >>> 0;
}
