// The language server's entry (server/out/server.js): runs the server bundle (server/out/server-main.js)
// with the code cache the client stored, when it names its folder (`--code-cache-dir=`, see
// code-cache.ts), and collects garbage in pauses of typing when Node exposes `gc` (--expose-gc,
// as the extension starts it: node-options.ts). Reads that one file there; writes nothing.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerFeature } from '../lsp/context';
import type { ServerMain } from '../server';
import { loadBundle, sealCodeCache } from './bundle-loader';
import { codeCacheFileName, codeCacheFolderIn } from './code-cache';
import { codeCacheFeature } from './code-cache-offer';
import { idleCollectionFeature } from './idle-collector';

const SERVER_MAIN = join(__dirname, 'server-main.js');

const folder = codeCacheFolderIn(process.argv);
const fileName = folder === undefined ? undefined : codeCacheFileName(statSync(SERVER_MAIN));
const bundle = loadBundle(SERVER_MAIN, fileName && join(folder!, fileName));
const features: ServerFeature[] = [];
if (fileName !== undefined) {
  features.push(codeCacheFeature({ fileName, state: bundle.cache, make: () => sealCodeCache(bundle.script.createCachedData()) }));
}
const { gc } = globalThis as { gc?: () => void };
if (gc) features.push(idleCollectionFeature(() => gc()));
(bundle.exports as ServerMain).main(features);
