#!/usr/bin/env bash
# Checks that need the training data (not in the repository, so not part of tests/run.sh):
# a tiny deterministic training run, loaded and scored by `glosa-cli eval`.
# Usage: GLOSA_DATA=/path/to/data tests/data-checks.sh   (default: ../shared/data beside the repo)
# Needs a native build (tests/run.sh or the README's cmake commands) in build/native.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
data=${GLOSA_DATA:-$root/../shared/data}
build=$root/build/native
if [ ! -d "$data/ner/pl" ]; then
  echo "data-checks: no training data at $data (set GLOSA_DATA)" >&2
  exit 2
fi
cmake --build "$build" -j2 --target glosa_train glosa_cli -- --no-print-directory >/dev/null
echo "== NER training smoke run (data: $data)"
cmake -DTRAIN="$build/glosa-train" -DCLI="$build/glosa-cli" -DDATA="$data" -DOUT="$build/tests/ner_smoke" \
      -P "$root/tests/ner_train_smoke.cmake"
echo "data-checks: ok"
