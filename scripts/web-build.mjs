// The web bundles (the extension's `browser` entry): client/out/browser.js for the web extension
// host and server/out/web-server.js for the language server's web worker. node:fs, node:path and
// node:url are replaced by the server's web shims; vscode-languageserver/node and
// vscode-languageclient/node by their browser builds; the bundled template is embedded as text.
//   import { webBuilds } from './web-build.mjs'; await Promise.all(webBuilds(build));
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shim = (name) => join(root, 'server', 'src', 'web', 'shims', name);

const common = {
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  mainFields: ['browser', 'module', 'main'],
};

const nodeBuiltins = {
  'node:fs': shim('fs.ts'),
  'node:fs/promises': shim('fs-promises.ts'),
  'node:path': shim('path.ts'),
  'node:url': shim('url.ts'),
};

/** The esbuild options of the two web bundles. */
export function webBuildOptions() {
  return [
    {
      ...common,
      format: 'cjs', // the web extension host loads the `browser` entry as a CommonJS module
      entryPoints: [join(root, 'client', 'src', 'browser.ts')],
      outfile: join(root, 'client', 'out', 'browser.js'),
      external: ['vscode'],
      alias: { 'vscode-languageclient/node': 'vscode-languageclient/browser' },
    },
    {
      ...common,
      entryPoints: [join(root, 'server', 'src', 'web', 'server.ts')],
      outfile: join(root, 'server', 'out', 'web-server.js'),
      alias: { ...nodeBuiltins, 'vscode-languageserver/node': 'vscode-languageserver/browser' },
      loader: { '.rst': 'text' },
      define: { __dirname: JSON.stringify('/rst-specs/server/out') },
      // A web worker has no setImmediate (the server batches diagnostics with it).
      banner: { js: 'globalThis.setImmediate??=(f,...a)=>setTimeout(f,0,...a);' },
    },
  ];
}

export function webBuilds(build) {
  return webBuildOptions().map((options) => build(options));
}
