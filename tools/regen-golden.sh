#!/bin/sh
# Regenerates the golden CLI outputs tests/data/<name>.expected.json from every
# tests/data/<name>.txt, exactly as the ctest `cli_annotate_golden` runs the CLI (rules only,
# fixed creation time). Usage: tools/regen-golden.sh [path/to/glosa-cli]
# (default build/native/glosa-cli). Review `git diff tests/data` before committing.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cli=${1:-"$root/build/native/glosa-cli"}
if [ ! -x "$cli" ]; then
  echo "regen-golden: no executable CLI at '$cli' (build it first, or pass its path)" >&2
  exit 1
fi
count=0
for input in "$root"/tests/data/*.txt; do
  [ -e "$input" ] || continue
  expected="${input%.txt}.expected.json"
  tmp="$expected.tmp"
  if ! "$cli" annotate "$input" --no-model --created 2000-01-01T00:00:00Z > "$tmp"; then
    rm -f "$tmp"
    echo "regen-golden: glosa-cli failed on $input" >&2
    exit 1
  fi
  mv "$tmp" "$expected"
  rm -f "$expected.actual"
  count=$((count + 1))
  echo "regenerated ${expected#"$root"/}"
done
echo "regen-golden: $count file(s); review with: git diff -- tests/data" >&2
