// The language server's entry (server/out/server.js): runs the server bundle (server/out/server-main.js)
// with the code cache the client stored, when it names its folder (`--code-cache-dir=`, see
// code-cache.ts). Reads that one file there; writes nothing.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundle, sealCodeCache } from './bundle-loader';
import { codeCacheFileName, codeCacheFolderIn } from './code-cache';
import type { ServerMain } from './server';

const SERVER_MAIN = join(__dirname, 'server-main.js');

const folder = codeCacheFolderIn(process.argv);
const fileName = folder === undefined ? undefined : codeCacheFileName(statSync(SERVER_MAIN));
const bundle = loadBundle(SERVER_MAIN, fileName && join(folder!, fileName));
(bundle.exports as ServerMain).main(
  fileName === undefined ? undefined : { fileName, state: bundle.cache, make: () => sealCodeCache(bundle.script.createCachedData()) },
);
