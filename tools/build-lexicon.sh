#!/usr/bin/env bash
# Builds the name lexicon assets/models/names-pl.bin (base forms of Polish names, place names)
# with glosa-lexicon from Debian's hunspell-pl dictionary, the BSNLP training documents
# (all but every fifth, which stays held out for `glosa-cli eval-names`), the CLDR/GeoNames
# place lists and the ELTeC word counts in ../shared/data. Deterministic. About a minute.
# Usage: tools/build-lexicon.sh [build-dir]   (default build/native)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build/native}
data=${GLOSA_DATA:-$root/../shared/data}
dict=/usr/share/hunspell/pl_PL
if [ ! -f "$dict.dic" ]; then
  echo "build-lexicon: $dict.dic is missing: apt-get install hunspell-pl (tools/setup.sh does)" >&2
  exit 1
fi
cmake -S "$root" -B "$build" >/dev/null
cmake --build "$build" -j2 --target glosa_lexicon glosa_cli
"$build/glosa-lexicon" --name "names-pl 1" --hunspell "$dict" \
  --bsnlp "$data/ner/pl/bsnlp-train.jsonl" --bsnlp-holdout 0 \
  --unlabeled "$data/unlabeled/eltec_novels.pl.txt.gz" --gazetteers "$data/gazetteers" \
  --out "$root/assets/models/names-pl.bin"
"$build/glosa-cli" eval-names "$data/ner/pl/bsnlp-train.jsonl" --doc-mod 5 --doc-keep 0
"$build/glosa-cli" eval-names "$data/ner/pl/bsnlp2017.jsonl" --ignore-case
