#!/usr/bin/env bash
# Checks that need the training data (not in the repository, so not part of tests/run.sh):
# a tiny deterministic training run, loaded and scored by `glosa-cli eval`.
# Usage: GLOSA_DATA=/path/to/data tests/data-checks.sh   (without GLOSA_DATA: skipped, exit 0)
# Needs a native build (tests/run.sh or the README's cmake commands) in build/native.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
data=${GLOSA_DATA:-}
build=$root/build/native
if [ -z "$data" ]; then
  echo "data-checks: skipped (set GLOSA_DATA to the training data's folder to run them)"
  exit 0
fi
if [ ! -d "$data/ner/pl" ]; then
  echo "data-checks: no training data at $data (set GLOSA_DATA)" >&2
  exit 2
fi
cmake --build "$build" -j2 --target glosa_train glosa_cli -- --no-print-directory >/dev/null
echo "== NER training smoke run (data: $data)"
cmake -DTRAIN="$build/glosa-train" -DCLI="$build/glosa-cli" -DDATA="$data" -DOUT="$build/tests/ner_smoke" \
      -P "$root/tests/ner_train_smoke.cmake"
echo "data-checks: ok"
