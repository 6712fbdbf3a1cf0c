#!/usr/bin/env bash
# The GNU parallel recipe of docs/BATCH.md over three shards gives, line for line, what one
# glosa-cli process gives over the whole stream; tools/glosa-map.sh passes broken lines over.
# Usage: tests/batch_parallel.sh GLOSA_CLI
set -u
cli=$1
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v parallel >/dev/null || fail "GNU parallel is not installed (tools/setup.sh installs it)"

# 60 records from the fixture articles and a few short texts, one broken line per shard.
python3 - "$root/tests/fixtures" > "$tmp/all.jsonl" <<'PY'
import json, sys, pathlib
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))]
texts += ["Wzrost o 5 proc. w styczniu 2022 r.", "Apple shares rose 4% to $120 on Monday.", "„Tak” – powiedział Jan."]
for i in range(60):
    if i % 20 == 7:
        print("{broken line %d" % i)
    else:
        print(json.dumps({"id": "doc-%02d" % i, "text": texts[i % len(texts)], "lang": "auto"}, ensure_ascii=False))
PY
split -n l/3 -d --additional-suffix=.jsonl "$tmp/all.jsonl" "$tmp/shard-"
[ "$(ls "$tmp"/shard-*.jsonl | wc -l)" -eq 3 ] || fail "expected three shards"

created=2026-01-01T00:00:00Z
"$cli" annotate --jsonl --jobs 1 --created $created < "$tmp/all.jsonl" > "$tmp/single.jsonl" 2>"$tmp/single.err"
[ $? -eq 1 ] || fail "the single process must report the broken lines with exit code 1"

# The recipe (docs/BATCH.md), with the repository's models beside a copy of the CLI.
mkdir "$tmp/bin"
cp "$cli" "$tmp/bin/glosa-cli"
cp "$root"/assets/models/*.bin "$root/tools/glosa-map.sh" "$tmp/bin/"
(cd "$tmp" && parallel --will-cite --jobs 3 --keep-order \
   "bin/glosa-map.sh --created $created < {} " ::: shard-*.jsonl > sharded.jsonl 2> sharded.err) \
  || fail "the parallel recipe failed: $(tail -3 "$tmp/sharded.err")"

[ "$(wc -l < "$tmp/single.jsonl")" -eq 57 ] || fail "expected 57 documents, got $(wc -l < "$tmp/single.jsonl")"
cmp -s "$tmp/single.jsonl" "$tmp/sharded.jsonl" || fail "sharded output differs: $(diff "$tmp/single.jsonl" "$tmp/sharded.jsonl" | head -c 300)"
[ "$(grep -c 'not valid JSON' "$tmp/sharded.err")" -eq 3 ] || fail "each shard's broken line is reported"
echo "batch_parallel: ok (3 shards, $(wc -l < "$tmp/sharded.jsonl") documents, identical)"
