#!/usr/bin/env bash
# Everything CI runs: set-up, native build + ctest, the same suite built with clang under
# AddressSanitizer + UndefinedBehaviorSanitizer, a short pass of every fuzz target, layering
# check, WASM build, the unit suite under node, and the browser end-to-end tests in headless
# chromium. Needs only the repository (checks that need training data: tests/data-checks.sh).
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

echo "== sanitized build (clang, ASan + UBSan): unit suite and CLI checks"
# Only what runs here is built: the test binary, the CLI and the fuzz targets (tests/fuzz.sh).
CC=clang CXX=clang++ cmake -S . -B build/sanitize -DCMAKE_BUILD_TYPE=Release -DGLOSA_WERROR=ON \
  -DGLOSA_SANITIZE=ON -DGLOSA_FUZZ=ON -DGLOSA_BUILD_BENCH=OFF >/dev/null
cmake --build build/sanitize -j"$jobs" --target glosa_tests glosa_cli -- --no-print-directory
build/sanitize/tests/glosa_tests
tests/cli_errors.sh build/sanitize/glosa-cli

echo "== fuzzing: each target briefly from its seeds (a campaign: tests/fuzz.sh --minutes N)"
tests/fuzz.sh --seconds "${GLOSA_FUZZ_SECONDS:-30}"

echo "== layering"
tools/check-layers.sh

echo "== WebAssembly build and the unit suite under node"
tools/build-web.sh
node --no-experimental-fetch build/web/tests/glosa_tests.js

echo "== browser end-to-end (headless chromium)"
(cd tests/e2e && node --test --test-reporter=spec)
