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

# Precompressed copies beside each file of the static folder, for servers that send them to
# browsers that accept them (tools/static-server.mjs; nginx gzip_static/brotli_static; see
# docs/DEPLOY.md): FILE.gz (gzip -9) and FILE.br (brotli -q 11, Debian's brotli), each
# rewritten only when older than FILE. Kept apart from the CMake build on purpose. One file per
# core at a time (brotli -q 11 takes seconds per megabyte).
dist="$root/build/web/dist"
if [ -d "$dist" ]; then
  find "$dist" -type f \( -name '*.html' -o -name '*.js' -o -name '*.wasm' -o -name '*.data' \
       -o -name '*.bin' -o -name '*.css' -o -name '*.svg' -o -name '*.json' -o -name '*.txt' \) -print0 |
    xargs -0 -r -n 1 -P "$jobs" sh -c '
      f=$1
      [ "$f.gz" -nt "$f" ] || gzip -9 -n -c "$f" > "$f.gz"
      if command -v brotli >/dev/null; then
        [ "$f.br" -nt "$f" ] || brotli -q 11 -c "$f" > "$f.br"
      fi' sh
fi
