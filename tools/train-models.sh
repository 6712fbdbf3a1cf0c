#!/usr/bin/env bash
# Builds glosa-train natively and trains the shipped NER models into assets/models/
# (ner-pl.bin from NKJP, ner-en.bin from CoNLL-2003), reading ../shared/data.
# Deterministic: the same data and seed give byte-identical models. About five minutes.
# Usage: tools/train-models.sh [build-dir]   (default build/ner)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build/ner}
data=${GLOSA_DATA:-$root/../shared/data}
cmake -S "$root" -B "$build" >/dev/null
cmake --build "$build" -j2 --target glosa_train glosa_cli
out="$root/assets/models"
mkdir -p "$out"
"$build/glosa-train" --lang pl --name "ner-pl 1" \
  --train "nkjp:$data/ner/pl/nkjp-train.jsonl" --dev "nkjp:$data/ner/pl/nkjp-dev.jsonl" \
  --gazetteers "$data/gazetteers" --unlabeled "$data/unlabeled/eltec_novels.pl.txt.gz" \
  --epochs 10 --bucket-bits 22 --max-rows 250000 --out "$out/ner-pl.bin"
"$build/glosa-train" --lang en --name "ner-en 1" \
  --train "conll:$data/ner/en/conll-train.jsonl" --dev "conll:$data/ner/en/conll-dev.jsonl" \
  --gazetteers "$data/gazetteers" --unlabeled "$data/unlabeled/eltec_novels.en.txt.gz" \
  --epochs 10 --bucket-bits 22 --max-rows 250000 --out "$out/ner-en.bin"
ls -l "$out"/*.bin
