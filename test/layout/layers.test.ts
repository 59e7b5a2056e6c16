// The layers of server/src (CONTRIBUTING.md, Layout): a module imports only from its own folder and
// from lower layers, and the engine imports nothing from the editor, the LSP library or the file
// system. Type-only imports count too: they tie a module to the other as much as a value does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';

/** Lowest first. Modules of one layer may not import each other (fixes/ and features/, lsp/ and cli/). */
export const LAYERS: readonly (readonly string[])[] = [
  // runtime/'s two modules of names and options shared with the client (through protocol.ts) import nothing.
  [
    'text/',
    'paths.ts',
    'encoding.ts',
    'diagnostic-codes.ts',
    'bundled-template.ts',
    'options.ts',
    'once.ts',
    'runtime/code-cache.ts',
    'runtime/node-options.ts',
  ],
  ['node-files.ts'],
  ['rst/'],
  ['protocol.ts'],
  ['control/'],
  ['template/'],
  ['spec-files.ts'],
  ['edit/'],
  ['repo/'],
  ['docs/'],
  ['rules/'],
  ['engine.ts'],
  ['config/'],
  ['analyze.ts'],
  ['fixes/', 'features/', 'preview/'],
  ['lsp/', 'cli/'],
  ['web/', 'server.ts', 'cli.ts'],
  ['runtime/'],
];

/** Where the engine ends: these read files or speak LSP, the rest is pure. */
const FRONTS = ['lsp/', 'cli/', 'web/', 'runtime/', 'server.ts', 'cli.ts'];
/** The modules that load files for the engine (behind interfaces the engine defines). */
const LOADERS = ['node-files.ts', 'template/load.ts', 'config/load.ts', 'docs/load.ts'];
const NOT_FOR_THE_ENGINE =
  /^(vscode|vscode-languageserver(-textdocument|-protocol)?|vscode-languageclient|vscode-jsonrpc)(\/|$)|^(node:)?fs(\/|$)/;

const IMPORT = /\b(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?'([^']+)'|\b(?:require|import)\(\s*'([^']+)'\s*\)/g;

const LISTED = new Set(LAYERS.flat());

/** The module (a folder with its slash, or a file) a path under server/src belongs to; a file listed on its own is its own. */
function moduleOf(path: string): string {
  if (LISTED.has(path)) return path;
  const slash = path.indexOf('/');
  return slash < 0 ? path : path.slice(0, slash + 1);
}

/** Every broken rule of the layers, as `from -> to: why`, for sources keyed by path under server/src. */
export function layerViolations(sources: ReadonlyMap<string, string>): string[] {
  const layerOf = new Map<string, number>();
  LAYERS.forEach((modules, index) => modules.forEach((module) => layerOf.set(module, index)));
  const problems: string[] = [];
  for (const [file, source] of sources) {
    const from = moduleOf(file);
    const fromLayer = layerOf.get(from);
    if (fromLayer === undefined) {
      problems.push(`${file}: ${from} is in no layer (add it to LAYERS and to CONTRIBUTING.md)`);
      continue;
    }
    const isEngine = !FRONTS.includes(from) && !LOADERS.includes(file);
    for (const match of source.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2];
      if (!specifier.startsWith('.')) {
        if (isEngine && NOT_FOR_THE_ENGINE.test(specifier)) {
          problems.push(`${file} -> ${specifier}: the engine imports no editor, LSP or file-system module`);
        }
        continue;
      }
      const target = posix.normalize(posix.join(posix.dirname(file), specifier));
      if (target.startsWith('../')) continue; // outside server/src (the bundled template's text)
      const isFile = target.includes('/') || sources.has(`${target}.ts`) || !isFolder(sources, target);
      const to = moduleOf(isFile ? `${target}.ts` : `${target}/`);
      if (to === from) continue;
      const toLayer = layerOf.get(to);
      if (toLayer === undefined || toLayer >= fromLayer) {
        const why = toLayer === undefined ? `${to} is in no layer` : toLayer === fromLayer ? 'same layer' : 'a higher layer';
        problems.push(`${file} -> ${target}: ${why}`);
      }
    }
  }
  return problems;
}

function isFolder(sources: ReadonlyMap<string, string>, path: string): boolean {
  for (const file of sources.keys()) if (file.startsWith(`${path}/`)) return true;
  return false;
}

function sourcesUnder(root: string): Map<string, string> {
  const sources = new Map<string, string>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) {
        sources.set(relative(root, path).split('\\').join('/'), readFileSync(path, 'utf8'));
      }
    }
  };
  walk(root);
  return sources;
}

test('server/src: every import goes to the same module or a lower layer; the engine imports no vscode, LSP or fs', () => {
  const root = resolve(dirname(__filename), '..', '..', 'server', 'src');
  const sources = sourcesUnder(root);
  assert.ok(sources.size > 150, `read ${sources.size} modules`);
  assert.deepEqual(layerViolations(sources), []);
});

test('the check finds an upward import, an import within a layer, an unknown module and fs in the engine', () => {
  const sources = new Map([
    ['rst/parse.ts', "import type { Analysis } from '../analyze';\nimport { x } from './lines';"],
    ['fixes/reflow.ts', "import { hover } from '../features/hover';"],
    ['features/hover.ts', "import { readFileSync } from 'node:fs';\nimport type { Connection } from 'vscode-languageserver/node';"],
    ['rules/tab.ts', "const fs = require('fs');\nexport { tab } from '../text/width';"],
    ['lsp/files.ts', "import { readFileSync } from 'node:fs';\nimport { rules } from '../rules';"],
    ['template/load.ts', "import { readFileSync } from 'node:fs';"],
    ['extras/thing.ts', "import { x } from '../rst/lines';"],
    ['runtime/server-loader.ts', "import { x } from '../cli';\nconst f = () => import('../lsp/server');"],
  ]);
  assert.deepEqual(layerViolations(sources), [
    'rst/parse.ts -> analyze: a higher layer',
    'fixes/reflow.ts -> features/hover: same layer',
    'features/hover.ts -> node:fs: the engine imports no editor, LSP or file-system module',
    'features/hover.ts -> vscode-languageserver/node: the engine imports no editor, LSP or file-system module',
    'rules/tab.ts -> fs: the engine imports no editor, LSP or file-system module',
    'extras/thing.ts: extras/ is in no layer (add it to LAYERS and to CONTRIBUTING.md)',
  ]);
});
