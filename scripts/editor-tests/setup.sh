#!/usr/bin/env bash
# Prepares a machine for the editor tests (scripts/editor-tests/run.sh):
#   - Debian packages: chromium (driven by playwright-core), neovim, ripgrep and
#     the headers code-server's native modules build against;
#   - npm code-server, installed into a cache folder OUTSIDE the repository:
#       ${RST_SPECS_CACHE:-$HOME/.cache/rst-specs}/code-server-<version>
#
# Idempotent: every step checks first, and a complete install is marked with a
# file, so a second run does nothing but check. Works offline except for the
# npm registry and Debian's apt: ripgrep is taken from Debian (/usr/bin/rg) and
# put where @vscode/ripgrep's postinstall looks for its cached download, so it
# never tries GitHub.
#
# Prints the path of the code-server launcher on its last line of stdout as
#   CODE_SERVER_BIN=<path>
# Environment:
#   RST_SPECS_CACHE       cache root (default $HOME/.cache/rst-specs)
#   CODE_SERVER_VERSION   npm version of code-server (default 4.100.3; its
#                         engines.node must accept this machine's Node)
#   SKIP_APT=1            do not touch apt (packages must already be there)
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
CACHE_ROOT="${RST_SPECS_CACHE:-${HOME:-/root}/.cache/rst-specs}"
DEST="$CACHE_ROOT/code-server-$CODE_SERVER_VERSION"
MARKER="$DEST/.rst-specs-install-complete"
CS_PKG="$DEST/node_modules/code-server"
CS_BIN="$CS_PKG/out/node/entry.js"

T0=$(date +%s)
step_start=$T0
log() { printf '[editor-tests/setup] %s\n' "$*" >&2; }
step_done() {
  local now
  now=$(date +%s)
  log "$1 took $((now - step_start))s"
  step_start=$now
}

# --------------------------------------------------------------------------
# 1. Debian packages
# --------------------------------------------------------------------------
APT_PACKAGES=(chromium fonts-dejavu-core neovim ripgrep python3 pkg-config build-essential
  libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev ca-certificates curl)

is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

if [ "${SKIP_APT:-0}" != 1 ]; then
  missing=()
  for p in "${APT_PACKAGES[@]}"; do
    is_installed "$p" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=()
    if [ "$(id -u)" != 0 ]; then
      command -v sudo >/dev/null || { log "need root (or sudo) to install: ${missing[*]}"; exit 1; }
      SUDO=(sudo)
    fi
    log "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${SUDO[@]}" apt-get update -qq >/dev/null
    "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    log "Debian packages present"
  fi
  step_done "apt"
fi

for tool in node npm rg; do
  command -v "$tool" >/dev/null || { log "missing $tool"; exit 1; }
done

# --------------------------------------------------------------------------
# 2. code-server (cached)
# --------------------------------------------------------------------------
mkdir -p "$CACHE_ROOT"
exec 9>"$CACHE_ROOT/.lock"
flock 9 # one installer at a time per cache

if [ -f "$MARKER" ] && [ -f "$CS_BIN" ]; then
  log "code-server $CODE_SERVER_VERSION cached at $DEST"
  step_done "cache check"
  log "total $(( $(date +%s) - T0 ))s"
  echo "CODE_SERVER_BIN=$CS_BIN"
  exit 0
fi

# Node must fit code-server's engines.node (4.100.x wants exactly major 20).
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" != 20 ]; then
  log "warning: Node $node_major; code-server $CODE_SERVER_VERSION is built for Node 20 (set CODE_SERVER_VERSION to one that fits)"
fi

log "installing code-server $CODE_SERVER_VERSION into $DEST (cold: a few minutes)"
rm -rf "$DEST"
mkdir -p "$DEST/.tmp"
cd "$DEST"

# Fetch the package once, both to read its lock file and to install from it.
tarball=$(npm pack --silent --pack-destination "$DEST/.tmp" "code-server@$CODE_SERVER_VERSION" | tail -n1)
tarball="$DEST/.tmp/$tarball"
step_done "npm pack code-server"

# --- ripgrep: seed @vscode/ripgrep's download cache with Debian's rg --------
# Its lib/postinstall.js calls lib/download.js, which first looks for
#   <os.tmpdir()>/vscode-ripgrep-cache-<package version>/ripgrep-<VERSION>-<target>.tar.gz
# and only downloads from GitHub when that file is missing. We point TMPDIR at
# a private folder and put a tarball there holding Debian's rg.
rg_pkg_version=$(tar -xzOf "$tarball" package/lib/vscode/npm-shrinkwrap.json |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);process.stdout.write(j.packages["node_modules/@vscode/ripgrep"].version)})')
rg_tgz=$(cd "$DEST/.tmp" && npm pack --silent "@vscode/ripgrep@$rg_pkg_version" | tail -n1)
rg_release=$(tar -xzOf "$DEST/.tmp/$rg_tgz" package/lib/postinstall.js |
  sed -n "s/^const VERSION = '\\([^']*\\)'.*/\\1/p")
case "$(node -p process.arch)" in
  x64) rg_target=x86_64-unknown-linux-musl ;;
  arm64) rg_target=aarch64-unknown-linux-musl ;;
  *) log "unsupported arch $(node -p process.arch)"; exit 1 ;;
esac
[ -n "$rg_release" ] || { log "could not read ripgrep release from @vscode/ripgrep@$rg_pkg_version"; exit 1; }
export TMPDIR="$DEST/.tmp"
rg_cache="$TMPDIR/vscode-ripgrep-cache-$rg_pkg_version"
mkdir -p "$rg_cache/stage"
cp "$(command -v rg)" "$rg_cache/stage/rg"
tar -czf "$rg_cache/ripgrep-$rg_release-$rg_target.tar.gz" -C "$rg_cache/stage" rg
log "seeded $rg_cache/ripgrep-$rg_release-$rg_target.tar.gz with $(command -v rg)"

# --- npm install ------------------------------------------------------------
cat >"$DEST/package.json" <<'EOF'
{ "name": "rst-specs-code-server-cache", "private": true, "description": "code-server for rst-specs editor tests (made by scripts/editor-tests/setup.sh)" }
EOF

export npm_config_unsafe_perm=true            # root: code-server's postinstall.sh insists (npm 11 warns "Unknown env config": harmless)
export npm_config_yes=true                    # node-pty's build runs npx without a tty
export npm_config_ignore_scripts=false        # native modules must be built
export npm_config_dangerously_allow_all_scripts=true # npm 11: run deps' install scripts without an allowScripts list
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export npm_config_progress=false
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ] && [ "$(command -v node)" = /usr/bin/node ]; then
  export npm_config_nodedir=/usr               # node-gyp: use local headers, never download them
fi
export ELECTRON_SKIP_BINARY_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

install_log="$DEST/.tmp/npm-install.log"
if ! npm install --no-save --loglevel=warn "$tarball" >"$install_log" 2>&1; then
  log "npm install failed; last lines of $install_log:"
  tail -n 60 "$install_log" >&2
  exit 1
fi
step_done "npm install code-server (incl. native builds)"

# --- verify the native modules really got built ----------------------------
VS="$CS_PKG/lib/vscode"
check_native() {
  # $1: folder of a package; passes when it holds a built .node file
  [ -n "$(find "$1" -name '*.node' -path '*build/Release*' -print -quit 2>/dev/null)" ] ||
    [ -n "$(find "$1" -name '*.node' -path '*prebuilds*' -print -quit 2>/dev/null)" ]
}
# (@parcel/watcher ships prebuilt binaries in per-platform packages instead;
# the require() check below covers it.)
need_rebuild=()
for m in node-pty @vscode/spdlog native-watchdog kerberos; do
  d="$VS/node_modules/$m"
  [ -d "$d" ] || continue
  check_native "$d" || need_rebuild+=("$m")
done
if [ ${#need_rebuild[@]} -gt 0 ]; then
  log "native modules not built: ${need_rebuild[*]}; running npm rebuild"
  (cd "$VS" && npm rebuild --loglevel=warn "${need_rebuild[@]}" >>"$install_log" 2>&1) || {
    tail -n 60 "$install_log" >&2; exit 1; }
  for m in "${need_rebuild[@]}"; do
    check_native "$VS/node_modules/$m" || { log "still no native build for $m"; exit 1; }
  done
fi
# Load them in this Node to be sure they match its ABI.
(cd "$VS" && node -e '
for (const m of ["node-pty", "@vscode/spdlog", "native-watchdog", "kerberos", "@parcel/watcher"]) {
  try { require(m); } catch (e) { console.error("cannot load " + m + ": " + e.message); process.exit(1); }
}') || exit 1
rg_bin="$VS/node_modules/@vscode/ripgrep/bin/rg"
"$rg_bin" --version >/dev/null || { log "ripgrep missing at $rg_bin"; exit 1; }
step_done "verify native modules"

# --- verify code-server starts and answers -----------------------------------
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
probe="$DEST/.tmp/probe"
mkdir -p "$probe/data" "$probe/ext" "$probe/xdg"
XDG_CONFIG_HOME="$probe/xdg" XDG_DATA_HOME="$probe/xdg" \
  node "$CS_BIN" --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry \
  --disable-update-check --user-data-dir "$probe/data" --extensions-dir "$probe/ext" \
  "$probe" >"$DEST/.tmp/probe.log" 2>&1 &
cs_pid=$!
ok=0
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then ok=1; break; fi
  kill -0 "$cs_pid" 2>/dev/null || break
  sleep 0.5
done
kill "$cs_pid" 2>/dev/null || true
wait "$cs_pid" 2>/dev/null || true
if [ "$ok" != 1 ]; then
  log "code-server did not start; its log:"
  cat "$DEST/.tmp/probe.log" >&2
  exit 1
fi
step_done "verify code-server starts"

rm -rf "$DEST/.tmp"
printf 'code-server %s\nnode %s\ninstalled %s\n' "$CODE_SERVER_VERSION" "$(node --version)" "$(date -u +%FT%TZ)" >"$MARKER"
log "code-server $CODE_SERVER_VERSION ready at $DEST; total $(( $(date +%s) - T0 ))s"
echo "CODE_SERVER_BIN=$CS_BIN"
