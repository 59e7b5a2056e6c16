// The server's code cache through the real bundle (server/src/runtime/code-cache.ts): offered to a client
// that names a folder for it, stored there by the client's own code, taken at the next start, and
// replaced when V8 rejects it. The bundle's behaviour is the same with or without it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanSpec, removeLines, repoRoot } from '../helpers';
import { type PublishedDiagnostics, TestClient } from './client';
import {
  CODE_CACHE_DIR_ARGUMENT,
  CODE_CACHE_NOTIFICATION,
  type CodeCacheOffer,
  codeCacheFileName,
} from '../../server/src/runtime/code-cache';
import { OFFER_DELAY_MS } from '../../server/src/runtime/code-cache-offer';
import { storeCodeCache } from '../../client/src/code-cache-store';
import { sealCodeCache, unsealCodeCache } from '../../server/src/runtime/bundle-loader';

const SERVER_MAIN = resolve(repoRoot, 'server', 'out', 'server-main.js');
let workspace: string;
let cacheFolder: string;
const specUri = () => pathToFileURL(join(workspace, 'specs', 'clean-spec.rst')).toString();
// A spec with a problem, so that the diagnostics compared are not all empty.
const spec = () => removeLines(cleanSpec(), 'Dependencies', 'Testing');

before(() => {
  workspace = mkdtempSync(join(tmpdir(), 'rst-specs-code-cache-'));
  mkdirSync(join(workspace, 'specs'));
  cacheFolder = join(workspace, 'storage', 'code-cache');
});
after(() => rmSync(workspace, { recursive: true, force: true }));

/** Starts the server with these arguments, checks the spec, and waits for an offer until `waitMs` after the diagnostics. */
async function session(serverArguments: string[], waitMs: number) {
  const client = new TestClient(serverArguments);
  const offers: CodeCacheOffer[] = [];
  let offered: () => void = () => {};
  const firstOffer = new Promise<void>((resolvePromise) => (offered = resolvePromise));
  client.connection.onNotification(CODE_CACHE_NOTIFICATION, (offer: CodeCacheOffer) => {
    offers.push(offer);
    offered();
  });
  try {
    await client.initialize(workspace);
    const published = client.nextDiagnostics(specUri());
    await client.open(specUri(), spec());
    const diagnostics: PublishedDiagnostics['diagnostics'] = (await published).diagnostics;
    await Promise.race([firstOffer, new Promise((resolvePromise) => setTimeout(resolvePromise, waitMs))]);
    // An offer is one notification, sent once.
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 200));
    return { diagnostics, offers, logs: client.logs.filter((log) => /code cache/i.test(log)) };
  } finally {
    await client.shutdown();
  }
}

const fileName = () => codeCacheFileName(statSync(SERVER_MAIN));
const waitForOffer = OFFER_DELAY_MS + 4_000;

test(
  'code cache: offered on the first start, taken from the client’s folder at the next, replaced when rejected',
  { timeout: 60_000 },
  async () => {
    const argument = `${CODE_CACHE_DIR_ARGUMENT}${cacheFolder}`;

    const first = await session([argument], waitForOffer);
    assert.deepEqual(
      first.diagnostics.map((diagnostic) => diagnostic.code),
      ['missing-section'],
    );
    assert.equal(first.offers.length, 1);
    const [offer] = first.offers;
    assert.equal(offer.fileName, fileName());
    const size = Buffer.from(offer.data, 'base64').length;
    assert.ok(size > 100_000, `a cache of ${size} bytes`);
    assert.deepEqual(first.logs, [
      `No code cache yet: the server will offer one (${fileName()}) once a spec is checked.`,
      `Offered the client a code cache of ${Math.round(size / 1024)} KB (${fileName()}).`,
    ]);

    storeCodeCache(cacheFolder, offer);
    assert.deepEqual(readdirSync(cacheFolder), [fileName()]);

    const second = await session([argument], OFFER_DELAY_MS + 1_000);
    assert.deepEqual(second.diagnostics, first.diagnostics);
    assert.deepEqual(second.offers, []);
    assert.deepEqual(second.logs, [`Started from the code cache ${fileName()}.`]);

    // One byte changed: V8 would not notice it, and stop the process.
    const flipped = Buffer.from(offer.data, 'base64');
    flipped[flipped.length >> 1] ^= 0xff;
    writeFileSync(join(cacheFolder, fileName()), flipped);
    const damaged = await session([argument], waitForOffer);
    assert.deepEqual(damaged.diagnostics, first.diagnostics);
    assert.equal(damaged.offers.length, 1);
    assert.equal(damaged.offers[0].fileName, fileName());
    assert.equal(
      damaged.logs[0],
      `The code cache ${fileName()} is damaged (its checksum does not match): the server will offer a new one.`,
    );

    // Sealed, but not V8's: as a cache made by another runtime looks to this one.
    writeFileSync(join(cacheFolder, fileName()), sealCodeCache(Buffer.from('made by another runtime')));
    const rejected = await session([argument], waitForOffer);
    assert.deepEqual(rejected.diagnostics, first.diagnostics);
    assert.equal(rejected.offers.length, 1);
    assert.equal(rejected.logs[0], `The code cache ${fileName()} was not accepted by this runtime: the server will offer a new one.`);
  },
);

test('code cache: a client that names no folder is offered none', { timeout: 30_000 }, async () => {
  const plain = await session([], OFFER_DELAY_MS + 1_000);
  assert.deepEqual(
    plain.diagnostics.map((diagnostic) => diagnostic.code),
    ['missing-section'],
  );
  assert.deepEqual(plain.offers, []);
  assert.deepEqual(plain.logs, []);
});

test('the bundles that their entries run as a vm.Script hold no dynamic import(), which a Script cannot do', () => {
  for (const bundle of ['server-main.js', 'cli-main.js']) {
    const source = readFileSync(resolve(repoRoot, 'server', 'out', bundle), 'utf8');
    assert.equal(/\bimport\(\s*["'`]/.exec(source)?.[0], undefined, bundle);
  }
});

test('sealed code cache: unsealed as it was; any one byte changed, a byte cut or added, is caught', () => {
  const data = Buffer.from(Array.from({ length: 203 }, (_, index) => (index * 37) % 256));
  const sealed = sealCodeCache(data);
  assert.deepEqual(unsealCodeCache(sealed), data);
  for (let index = 0; index < sealed.length; index++) {
    const changed = Buffer.from(sealed);
    changed[index] ^= 1 << (index % 8);
    assert.equal(unsealCodeCache(changed), undefined, `byte ${index} changed`);
  }
  assert.equal(unsealCodeCache(sealed.subarray(0, sealed.length - 1)), undefined);
  assert.equal(unsealCodeCache(Buffer.concat([sealed, Buffer.from([0])])), undefined);
  assert.equal(unsealCodeCache(Buffer.alloc(0)), undefined);
});
