// Bundles the client, the language server and the CLI into single files (no runtime node_modules).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { webBuilds } from './web-build.mjs';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
};

/**
 * `crypto` and `child_process`, as the LSP library requires them, loaded on first use: it needs
 * them only for pipe names and for resolving global modules, neither of which the server does, and
 * loading them took 10 to 20 ms of the server's start-up.
 */
const lazyLibraryBuiltins = {
  name: 'lazy-library-builtins',
  setup(builder) {
    builder.onResolve({ filter: /^(crypto|child_process)$/ }, ({ path, importer }) =>
      importer.includes('node_modules') ? { path, namespace: 'lazy-builtin' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, ({ path }) => ({
      contents: `let loaded; const load = () => (loaded ??= require(${JSON.stringify(path)}));
module.exports = new Proxy({}, { get: (_, key) => load()[key], has: (_, key) => key in load(), ownKeys: () => Reflect.ownKeys(load()), getOwnPropertyDescriptor: (_, key) => Object.getOwnPropertyDescriptor(load(), key) });`,
      loader: 'js',
    }));
  },
};

/**
 * `import('node:…')` as a require on first use: the server and CLI bundles run as a vm.Script
 * (server/src/runtime/bundle-loader.ts, for the code cache), which has no dynamic import. The code
 * imports a built-in module late (fs/promises: 1 to 2 ms of start-up) without knowing that.
 */
const dynamicBuiltinsAsRequire = {
  name: 'dynamic-builtins-as-require',
  setup(builder) {
    builder.onResolve({ filter: /^node:/ }, ({ path, kind }) =>
      kind === 'dynamic-import' ? { path, namespace: 'dynamic-builtin' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'dynamic-builtin' }, ({ path }) => ({
      contents: `module.exports = require(${JSON.stringify(path)});`,
      loader: 'js',
    }));
  },
};

const started = Date.now();
await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] }),
  build({
    ...common,
    entryPoints: ['server/src/server.ts'],
    outfile: 'server/out/server-main.js',
    plugins: [lazyLibraryBuiltins, dynamicBuiltinsAsRequire],
  }),
  build({ ...common, entryPoints: ['server/src/runtime/server-loader.ts'], outfile: 'server/out/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli-main.js', plugins: [dynamicBuiltinsAsRequire] }),
  build({
    ...common,
    entryPoints: ['server/src/runtime/cli-loader.ts'],
    outfile: 'server/out/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
  ...webBuilds(build), // client/out/browser.js, server/out/web-server.js (scripts/web-build.mjs)
  // The preview's webview: its script (with highlight.js core) and its style sheet (client/src/preview/webview).
  build({
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: ['client/src/preview/webview/main.ts'],
    outfile: 'client/out/preview.js',
  }),
  build({ ...common, platform: 'browser', entryPoints: ['client/src/preview/webview/preview.css'], outfile: 'client/out/preview.css' }),
]);
writeCliCodeCache();
console.log(`built client/out/extension.js, server/out/server.js, server/out/cli.js and the web bundles in ${Date.now() - started} ms`);

/**
 * The CLI's V8 code cache (server/src/runtime/cli-loader.ts): the bundle run once on the examples, so that
 * the cache holds every function a check compiles; made by this Node for this Node. Made under the
 * bare name `cli-main.js`: the cache keeps the name, and stack traces would show this machine's path.
 */
function writeCliCodeCache() {
  rmSync('server/out/cli-main.cache', { force: true });
  // A copy without the examples (a package) runs without a cache: V8 compiles the bundle as usual.
  if (!existsSync('examples/specs')) return;
  const examples = readdirSync('examples/specs')
    .filter((name) => name.endsWith('.rst'))
    .map((name) => `examples/specs/${name}`);
  const make = `const { writeFileSync } = require('node:fs');
const { runCliMain, sealCodeCache, CLI_CODE_CACHE, CLI_MAIN } = require('./server/out/cli.js');
process.argv = [process.execPath, CLI_MAIN, 'check', '--format', 'json', ...${JSON.stringify(examples)}];
runCliMain(CLI_MAIN, '', 'cli-main.js', (script) =>
  process.on('exit', () => writeFileSync(CLI_CODE_CACHE, sealCodeCache(script.createCachedData()))),
);`;
  const result = spawnSync(process.execPath, ['-e', make], { encoding: 'utf8' });
  if (!existsSync('server/out/cli-main.cache')) throw new Error(`the CLI's code cache was not written: ${result.stderr}`);
}
