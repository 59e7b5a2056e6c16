// LSP smoke test in a second editor: Neovim (headless) starts the built language
// server (server/out/server.js --stdio) on a fixture spec, and we check the
// exact diagnostics it shows. Neovim speaks push diagnostics
// (textDocument/publishDiagnostics), so this covers the path that VS Code's
// pull diagnostics don't.
//
//   node scripts/run-tests.mjs test/integration/neovim.test.ts
//
// Skipped (with the reason) when nvim is not installed
// (scripts/editor-tests/setup.sh installs it) or the server is not built (npm run build).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '..', '..');
const serverPath = join(repoRoot, 'server', 'out', 'server.js');
const initLua = join(__dirname, 'nvim-lsp-init.lua');
const workspace = join(__dirname, 'fixtures', 'workspace');

function which(command: string): string | undefined {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(folder, command);
    if (folder && existsSync(candidate)) return candidate;
  }
  return undefined;
}

const nvim = which('nvim');
const skip = !nvim
  ? 'nvim is not installed (scripts/editor-tests/setup.sh installs it)'
  : !existsSync(serverPath)
    ? 'server/out/server.js is not built (npm run build)'
    : false;

interface NvimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  source?: string;
  code?: string;
  message: string;
}

interface NvimResult {
  received?: boolean;
  waited_ms?: number;
  nvim?: string;
  server_name?: string | null;
  diagnostics?: NvimDiagnostic[] | Record<string, never>;
  error?: string;
}

/** Opens `spec` in headless Neovim with the server attached; returns what the init script wrote. */
async function diagnosticsInNeovim(spec: string): Promise<NvimResult> {
  const tmp = mkdtempSync(join(tmpdir(), 'rst-specs-nvim-'));
  const out = join(tmp, 'diagnostics.json');
  try {
    const child = spawn(nvim!, ['--headless', '-n', '-i', 'NONE', '--noplugin', '-u', initLua, spec], {
      cwd: workspace,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        RST_SPECS_NVIM_OUT: out,
        RST_SPECS_SERVER: serverPath,
        RST_SPECS_ROOT: workspace,
        RST_SPECS_NVIM_TIMEOUT_MS: '20000',
        // Nothing from the user's own Neovim setup, and logs in the temp folder.
        XDG_CONFIG_HOME: join(tmp, 'config'),
        XDG_DATA_HOME: join(tmp, 'data'),
        XDG_STATE_HOME: join(tmp, 'state'),
        XDG_CACHE_HOME: join(tmp, 'cache'),
      },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolveExit) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
      child.on('exit', (exitCode) => {
        clearTimeout(timer);
        resolveExit(exitCode);
      });
    });
    if (!existsSync(out)) {
      const lspLog = join(tmp, 'state', 'nvim', 'lsp.log');
      const cacheLog = join(tmp, 'cache', 'nvim', 'lsp.log');
      const log = [lspLog, cacheLog]
        .filter(existsSync)
        .map((path) => readFileSync(path, 'utf8'))
        .join('\n');
      assert.fail(`nvim (exit ${code}) wrote no result.\n--- nvim output ---\n${output}\n--- lsp.log ---\n${log}`);
    }
    return JSON.parse(readFileSync(out, 'utf8')) as NvimResult;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const ERROR = 1; // vim.diagnostic.severity

test('neovim: the server reports a missing section and a long line', { skip, timeout: 60_000 }, async () => {
  const spec = join(workspace, 'specs', 'missing-dependencies.rst');
  const result = await diagnosticsInNeovim(spec);
  assert.equal(result.error, undefined, `the init script failed: ${result.error}`);
  assert.equal(result.received, true, 'the server published no diagnostics within 20 s');
  assert.equal(result.server_name, 'rst-specs');
  const lines = readFileSync(spec, 'utf8').split('\n');
  const implementation = lines.indexOf('Implementation');
  const longLine = lines.findIndex((line) => line.startsWith('This line is deliberately far too long'));
  assert.deepEqual(result.diagnostics, [
    {
      lnum: longLine,
      col: 79,
      end_lnum: longLine,
      end_col: 95,
      severity: ERROR,
      source: 'rst-specs',
      code: 'line-length',
      message: 'Line is 95 characters long; the maximum is 79.',
    },
    {
      lnum: implementation,
      col: 0,
      end_lnum: implementation,
      end_col: 'Implementation'.length,
      severity: ERROR,
      source: 'rst-specs',
      code: 'missing-section',
      message: "Missing section 'Dependencies': the template puts it after 'Implementation'.",
    },
  ]);
});

test('neovim: a spec that follows the template has no diagnostics', { skip, timeout: 60_000 }, async () => {
  const spec = join(workspace, 'specs', 'clean-spec.rst');
  const result = await diagnosticsInNeovim(spec);
  assert.equal(result.error, undefined, `the init script failed: ${result.error}`);
  assert.equal(result.received, true, 'the server published no diagnostics within 20 s');
  assert.equal(result.server_name, 'rst-specs');
  assert.deepEqual(Array.isArray(result.diagnostics) ? result.diagnostics : [], []);
});
