#!/usr/bin/env bash
# Everything CI runs: set-up, native build + ctest, layering check, WASM build, the unit
# suite under node, and the browser end-to-end tests in headless chromium.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
jobs=$(nproc)

echo "== set-up"
tools/setup.sh

echo "== native build and unit tests (ctest)"
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release -DGLOSA_WERROR=ON >/dev/null
cmake --build build/native -j"$jobs" -- --no-print-directory
ctest --test-dir build/native --output-on-failure -j"$jobs"

echo "== layering"
tools/check-layers.sh

echo "== WebAssembly build and the unit suite under node"
tools/build-web.sh
node --no-experimental-fetch build/web/tests/glosa_tests.js

echo "== browser end-to-end (headless chromium)"
(cd tests/e2e && node --test --test-reporter=spec)
