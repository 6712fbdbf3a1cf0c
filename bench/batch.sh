#!/usr/bin/env bash
# Batch throughput benchmark (prints numbers; not a test): `glosa-cli annotate --jsonl` over
# the same JSONL stream with --jobs 1, 2 and every core, processor count and wall time each.
#   bench/batch.sh [RECORDS] [GLOSA_CLI]    (default: 400 records, build/native/glosa-cli)
# Records are the repository's fixture and sample articles (1-6 KB each), cycled.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
records=${1:-400}
cli=${2:-$root/build/native/glosa-cli}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 - "$root" "$records" > "$tmp/in.jsonl" <<'PY'
import json, sys, pathlib
root = pathlib.Path(sys.argv[1])
texts = [p.read_text(encoding="utf-8") for p in sorted((root / "tests/fixtures").glob("*.txt"))]
texts += [p.read_text(encoding="utf-8") for p in sorted((root / "assets/samples").glob("*.txt"))]
for i in range(int(sys.argv[2])):
    print(json.dumps({"id": i, "text": texts[i % len(texts)]}, ensure_ascii=False))
PY
bytes=$(wc -c < "$tmp/in.jsonl")
cores=$(nproc)
echo "records $records, $bytes bytes of JSONL, $cores cores"
# Wall time gives the throughput; processor time (user + system, all threads) shows what the
# parallel run costs on top: on a machine shared with other work, compare both.
echo "(load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
for jobs in 1 2 "$cores"; do
  /usr/bin/time -f "%e %U %S" -o "$tmp/time.$jobs" \
    "$cli" annotate --jsonl --jobs "$jobs" --created x < "$tmp/in.jsonl" > "$tmp/out.$jobs"
  read -r wall user sys < "$tmp/time.$jobs"
  awk -v j="$jobs" -v t="$wall" -v c="$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" \
      -v b="$bytes" -v r="$records" \
    'BEGIN { printf "--jobs %-3s %7.2f s wall  %6.2f MB/s  %7.1f records/s  (%.2f s processor)\n", j, t, b / t / 1e6, r / t, c }'
done
cmp -s "$tmp/out.1" "$tmp/out.$cores" || { echo "output differs between --jobs 1 and --jobs $cores"; exit 1; }
