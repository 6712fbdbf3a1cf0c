#!/usr/bin/env bash
# Builds glosa-train natively and trains the shipped NER models into assets/models/
# (ner-pl.bin from NKJP + BSNLP 2019, ner-en.bin from CoNLL-2003), reading ../shared/data.
# Deterministic: the same data and seed give byte-identical models. About five minutes on a
# quiet machine (--second-pass trains two half models per language first).
# The O bias and the confidence temperature are calibrated on the dev files (--dev).
# Usage: tools/train-models.sh [build-dir]   (default build/ner)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build/ner}
data=${GLOSA_DATA:-$root/../shared/data}
cmake -S "$root" -B "$build" >/dev/null
cmake --build "$build" -j2 --target glosa_train glosa_cli
out="$root/assets/models"
mkdir -p "$out"
"$build/glosa-train" --lang pl --name "ner-pl 3" --second-pass \
  --train "nkjp:$data/ner/pl/nkjp-train.jsonl" --train "bsnlp:$data/ner/pl/bsnlp-train.jsonl" \
  --dev "nkjp:$data/ner/pl/nkjp-dev.jsonl" \
  --gazetteers "$data/gazetteers" --unlabeled "$data/unlabeled/eltec_novels.pl.txt.gz" --cluster-vocab 100000 \
  --epochs 10 --bucket-bits 22 --max-rows 250000 --out "$out/ner-pl.bin"
"$build/glosa-train" --lang en --name "ner-en 3" --second-pass \
  --train "conll:$data/ner/en/conll-train.jsonl" --dev "conll:$data/ner/en/conll-dev.jsonl" \
  --gazetteers "$data/gazetteers" --unlabeled "$data/unlabeled/eltec_novels.en.txt.gz" \
  --epochs 10 --bucket-bits 22 --max-rows 250000 --out "$out/ner-en.bin"
ls -l "$out"/*.bin
