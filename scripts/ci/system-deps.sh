#!/usr/bin/env bash
# Installs the Debian packages CI needs, only when they are missing:
#   chromium       -> /usr/bin/chromium (end-to-end tests, driven by playwright-core)
#   postgresql-15  -> /usr/lib/postgresql/15/bin (the compatibility run, scripts/ci/pg15.sh)
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

need=()
[[ -x /usr/bin/chromium ]] || need+=(chromium)
[[ -x /usr/lib/postgresql/15/bin/postgres ]] || need+=(postgresql-15)

if ((${#need[@]} == 0)); then
  echo "system packages: chromium and postgresql-15 already present"
  exit 0
fi

echo "system packages: installing ${need[*]}"
SUDO=()
[[ $(id -u) -eq 0 ]] || SUDO=(sudo -n)
"${SUDO[@]}" apt-get update -q
"${SUDO[@]}" apt-get install -y -q -o Dpkg::Options::=--force-confold "${need[@]}"

[[ -x /usr/bin/chromium ]] || { echo "chromium still missing after apt-get install" >&2; exit 1; }
[[ -x /usr/lib/postgresql/15/bin/postgres ]] || { echo "postgresql-15 still missing after apt-get install" >&2; exit 1; }
