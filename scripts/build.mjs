// Bundles the client, the language server and the CLI into single files (no runtime node_modules).
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

const started = Date.now();
await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' }),
  build({
    ...common,
    entryPoints: ['server/src/cli.ts'],
    outfile: 'server/out/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
  ...webBuilds(build), // client/out/browser.js, server/out/web-server.js (scripts/web-build.mjs)
]);
console.log(`built client/out/extension.js, server/out/server.js, server/out/cli.js and the web bundles in ${Date.now() - started} ms`);
