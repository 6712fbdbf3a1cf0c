#!/usr/bin/env bash
# Release WebAssembly build of the app (and of the unit tests for node) into build/web.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Emscripten's tools need acorn and friends from Debian's node modules.
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
jobs=${GLOSA_JOBS:-$(nproc)}
if [ ! -f "$root/build/web/CMakeCache.txt" ]; then
  emcmake cmake -S "$root" -B "$root/build/web" -DCMAKE_BUILD_TYPE=Release -DGLOSA_WERROR=ON >/dev/null
fi
cmake --build "$root/build/web" -j"$jobs" -- --no-print-directory "$@"
