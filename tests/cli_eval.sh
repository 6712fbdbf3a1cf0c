#!/usr/bin/env bash
# glosa-cli eval on a gold file of its own: exact-span scores, and NKJP's convention that
# deictic dates and times ("wczoraj", "za godzinę", "w piątek") are not annotated, so they are
# left out under --scheme nkjp unless --keep-relative.
set -u
cli=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cd "$tmp"

# "12 stycznia 2024 r." is gold (NKJP's "date"); "wczoraj", "za godzinę" and "w piątek" are not.
printf '%s\n' '{"id": "a", "text": "Wczoraj przyjechał 12 stycznia 2024 r. i odleci za godzinę albo w piątek.", "entities": [[19, 38, "date"]]}' > gold.jsonl
"$cli" eval gold.jsonl --scheme nkjp --no-model > out.txt 2>&1 || fail "eval: $(cat out.txt)"
grep -q '^micro *1 *1 *1.0000 *1.0000 *1.0000' out.txt || fail "deictic dates and times must be left out: $(cat out.txt)"
grep -q 'left out.*: 3$' out.txt || fail "three left out: $(cat out.txt)"
"$cli" eval gold.jsonl --scheme nkjp --no-model --keep-relative > out.txt 2>&1 || fail "eval --keep-relative"
grep -q '^TIME *0 *1 ' out.txt || fail "--keep-relative scores the relative TIME: $(cat out.txt)"
grep -q '^DATE *1 *3 ' out.txt || fail "--keep-relative scores the relative DATEs: $(cat out.txt)"
echo "cli eval: ok"
