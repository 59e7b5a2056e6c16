#!/usr/bin/env bash
# The editor tests, as CI runs them:
#   1. scripts/editor-tests/setup.sh   (apt packages + cached code-server; ~0 s when warm)
#   2. npm run build                   (client/out/extension.js, server/out/server.js)
#   3. the Neovim LSP test             (test/integration/neovim.test.ts, node:test)
#   4. the in-editor mocha suite in code-server + headless Chromium
#      (test/integration/build-suite.mjs, then test/integration/run-in-code-server.ts)
#   5. the packaged extension: scripts/package.mjs (.vsix, its file list and size budget), then
#      test/integration/screenshots.ts (installs the .vsix into code-server, checks the Problems
#      panel against the CLI, a hover and a clean spec; screenshots in
#      test-results/editor-tests/screenshots/)
# Exits non-zero when any of them fails. Extra arguments go to run-in-code-server.ts
# (e.g. --grep diagnostics, --screenshot docs/images/diagnostics.png).
# Needs node_modules (npm ci) first.
set -euo pipefail
cd "$(dirname "$0")/../.."

T0=$(date +%s)
phase_start=$T0
phase() {
  local now
  now=$(date +%s)
  echo "[editor-tests] $1: $((now - phase_start))s" >&2
  phase_start=$now
}

bash scripts/editor-tests/setup.sh
phase "setup"

if [ -f scripts/build.mjs ]; then
  npm run --silent build
  phase "build"
fi

status=0
node scripts/run-tests.mjs test/integration/neovim.test.ts || status=1
phase "neovim test"

node test/integration/build-suite.mjs
node --import tsx test/integration/run-in-code-server.ts "$@" || status=1
phase "code-server suite"

# The Specs view and a move command on a copy of nova-specs (test/integration/suite/specs-explorer.suite.ts),
# unless the arguments chose other tests.
if [ $# -eq 0 ] && [ -d ../shared/repos/nova-specs ]; then
  node --import tsx test/integration/run-in-code-server.ts --grep "specs explorer" --folder-copy ../shared/repos/nova-specs || status=1
  phase "code-server suite on nova-specs"
fi
# A move command and Undo on a copy of a small specs repo (test/integration/suite/specs-undo.suite.ts).
if [ $# -eq 0 ]; then
  node --import tsx test/integration/run-in-code-server.ts --grep "specs undo" --folder-copy test/integration/fixtures/specs-repo || status=1
  phase "code-server suite: move and Undo"
fi

node --import tsx test/web/run-web-in-code-server.ts || status=1
phase "web extension host (code-server)"

# package.mjs exits 3 when the .vsix is made but over its size budget: still test it.
package_status=0
node scripts/package.mjs || package_status=$?
phase "package (exit $package_status)"
[ "$package_status" = 0 ] || status=1
if [ "$package_status" = 0 ] || [ "$package_status" = 3 ]; then
  node --import tsx test/integration/screenshots.ts --vsix rst-specs.vsix || status=1
  phase "packaged extension in code-server (screenshots)"
  # The live preview in the packaged extension (test/integration/preview.ts), on a corpus spec.
  if [ -d ../shared/corpus ]; then
    node --import tsx test/integration/preview.ts --vsix rst-specs.vsix || status=1
    phase "packaged extension in code-server (preview)"
  fi
fi

echo "[editor-tests] total $(( $(date +%s) - T0 ))s, exit $status" >&2
exit $status
