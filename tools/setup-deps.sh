#!/usr/bin/env bash
# Installs the Debian packages gilpy needs to build, test and run. Idempotent:
# it asks apt only for packages that are missing, so a ready machine pays ~0.1 s.
set -euo pipefail
PKGS=(
  cmake ninja-build g++ clang make pkg-config   # toolchain (clang: libFuzzer targets)
  libgc-dev libgmp-dev zlib1g-dev               # collector, big integers, zlib module
  uuid-dev                                      # _uuid (libuuid)
  libbz2-dev liblzma-dev                        # _bz2, _lzma
  libreadline-dev                               # readline (line editing at the prompt)
  libexpat1-dev                                 # pyexpat (xml.parsers.expat, ElementTree, minidom, sax)
  libsqlite3-dev                                # _sqlite3
  libssl-dev                                    # _hashlib, _ssl (OpenSSL 3)
  libgdbm-dev libdb-dev libcrypt-dev            # _gdbm, _dbm (Berkeley DB, as Debian's CPython), _crypt
  python3-gdbm                                  # the oracle's _gdbm (tests compare dbm.gnu with it)
  libffi-dev                                    # _ctypes (foreign calls and callbacks)
  libgtest-dev                                  # unit tests
  unicode-data                                  # UnicodeData.txt for the str tables
  python3.11 libpython3.11-stdlib               # the oracle, and the stdlib gilpy runs in place
  python3-pytest                                # tests run Debian's pytest under gilpy (site, dist-packages)
  chromium                                      # headless: tests open the -X gilreport HTML page
  time                                          # GNU time: tools/bench.py reads each program's own peak RSS
)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
