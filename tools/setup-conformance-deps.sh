#!/usr/bin/env bash
# Installs the Debian packages `make conformance` needs (tools/conformance.py), apart from
# tools/setup-deps.sh's list: CPython 3.11's regression tests and pytest for the projects.
# Idempotent: asks apt only for packages that are missing.
set -euo pipefail
PKGS=(
  libpython3.11-testsuite   # /usr/lib/python3.11/test
  python3-pytest            # runs the pinned projects' test suites, under both interpreters
  git                       # extracts the pinned project snapshots
)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-conformance-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
