#!/usr/bin/env bash
# Everything CI runs: set-up, native build + ctest, the same suite built with clang under
# AddressSanitizer + UndefinedBehaviorSanitizer, a short pass of every fuzz target, layering
# check, WASM build, the unit suite under node, and the browser end-to-end tests in headless
# chromium. Needs only the repository (checks that need training data: tests/data-checks.sh).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
jobs=$(nproc)
start=$SECONDS
stage() { echo "== $* (at $((SECONDS - start)) s)"; }

stage "set-up"
tools/setup.sh

stage "native build and unit tests (ctest)"
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release -DGLOSA_WERROR=ON >/dev/null
cmake --build build/native -j"$jobs" -- --no-print-directory
ctest --test-dir build/native --output-on-failure -j"$jobs"

stage "sanitized build (clang, ASan + UBSan): unit suite and CLI checks"
# Only what runs here is built (build/sanitize): the test binary, the CLI, the fuzz targets.
tests/fuzz.sh --build-only
build/sanitize/tests/glosa_tests
tests/cli_errors.sh build/sanitize/glosa-cli

stage "fuzzing: each target briefly from its seeds (a campaign: tests/fuzz.sh --minutes N)"
tests/fuzz.sh --seconds "${GLOSA_FUZZ_SECONDS:-20}" --targets-at-once "$jobs"

stage "layering"
tools/check-layers.sh

stage "WebAssembly build and the unit suite under node"
tools/build-web.sh
node --no-experimental-fetch build/web/tests/glosa_tests.js

stage "browser end-to-end (headless chromium)"
(cd tests/e2e && node --test --test-reporter=spec)
