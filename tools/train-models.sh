#!/usr/bin/env bash
# Builds glosa-train natively and trains the shipped NER models into assets/models/
# (ner-pl.bin from NKJP + BSNLP 2019, ner-en.bin from CoNLL-2003), reading ../shared/data.
# Deterministic: the same data and seed give byte-identical models. About ten minutes on a
# quiet machine (word vectors and classes first, then --second-pass trains two half models
# per language before the final one).
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
# Options of both languages (assets/models/README.md: what each one is and what it gave).
common=(--second-pass --bilou --train-margin 8 --names 2 --epochs 10 --bucket-bits 24 --max-rows 250000
        --cluster-svd 1 --cluster-mid 200 --gazetteers "$data/gazetteers")
"$build/glosa-train" --lang pl --name "ner-pl 5" "${common[@]}" --max-rows 245000 --window-net 16,16,64,5 \
  --train "nkjp:$data/ner/pl/nkjp-train.jsonl" --train "bsnlp:$data/ner/pl/bsnlp-train.jsonl" \
  --dev "nkjp:$data/ner/pl/nkjp-dev.jsonl" \
  --unlabeled "$data/unlabeled/eltec_novels.pl.txt.gz" --cluster-vocab 100000 --out "$out/ner-pl.bin"
"$build/glosa-train" --lang en --name "ner-en 6" "${common[@]}" --window-net 17,16,96,6 --linear-runs 3 \
  --train "conll:$data/ner/en/conll-train.jsonl" --dev "conll:$data/ner/en/conll-dev.jsonl" \
  --unlabeled "$data/unlabeled/eltec_novels.en.txt.gz" --out "$out/ner-en.bin"
ls -l "$out"/*.bin
