#!/usr/bin/env bash
# glosa-cli reports bad input on stderr with a non-zero exit code, and streams JSONL.
set -u
cli=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$cli" annotate "$tmp/missing.txt" 2>"$tmp/err" && fail "missing file accepted"
grep -q "missing.txt" "$tmp/err" || fail "error does not name the file"
printf '   \n ' > "$tmp/empty.txt"
"$cli" annotate "$tmp/empty.txt" 2>"$tmp/err" && fail "empty text accepted"
grep -q "empty" "$tmp/err" || fail "empty text error unclear: $(cat "$tmp/err")"
"$cli" bogus 2>/dev/null; [ $? -eq 2 ] || fail "unknown command must exit 2"

# JSONL: ids carried over, one line out per good line in, bad lines reported and counted.
printf '%s\n' '{"id": "a1", "text": "Wzrost o 5 proc."}' 'not json' '{"id": 7, "text": "Hello 5%"}' \
  | "$cli" annotate --jsonl --no-model >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] || fail "a bad JSONL line must make the exit code 1"
[ "$(wc -l < "$tmp/out")" -eq 2 ] || fail "expected 2 output lines, got $(wc -l < "$tmp/out")"
head -1 "$tmp/out" | grep -q '^{"id":"a1","format":"glosa"' || fail "id not carried over: $(head -c 80 "$tmp/out")"
grep -q 'stdin:2' "$tmp/err" || fail "bad line not reported with its line number"

# Never dies on an input (issue #14): each case exits 1 with a message, no signal.
expect_fail() {  # expect_fail NAME PATTERN COMMAND...: exit code 1 and PATTERN on stderr
  local name=$1 pattern=$2; shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  [ $rc -eq 1 ] || fail "$name: exit code $rc, expected 1 ($(head -c 200 "$tmp/err"))"
  grep -q -- "$pattern" "$tmp/err" || fail "$name: message lacks '$pattern': $(head -c 200 "$tmp/err")"
}
expect_fail "annotate DIRECTORY" "is a directory" "$cli" annotate "$tmp" --no-model
expect_fail "annotate /dev/zero" "at most 16777216 bytes" timeout 60 "$cli" annotate /dev/zero --no-model
expect_fail "eval DIRECTORY" "is a directory" "$cli" eval "$tmp" --scheme nkjp --no-model
head -c 16777217 /dev/zero | tr '\0' 'a' > "$tmp/big.txt"
expect_fail "16 MiB + 1 byte" "the text is 16777217 bytes; the limit is 16777216 bytes" \
  "$cli" annotate "$tmp/big.txt" --no-model
rm -f "$tmp/big.txt"
: > "$tmp/zero.txt"
expect_fail "bench on an empty file" "no text to measure" "$cli" bench "$tmp/zero.txt" --no-model
grep -q nan "$tmp/out" && fail "bench printed nan"
printf '%s\n' '{"x": 1}' 'not json' > "$tmp/skipped.jsonl"
expect_fail "eval with every record skipped" "no gold record was scored (2 skipped)" \
  "$cli" eval "$tmp/skipped.jsonl" --scheme nkjp --no-model
expect_fail "eval-names with every record skipped" "no gold record was scored" \
  "$cli" eval-names "$tmp/skipped.jsonl" --models "$tmp"

# NUL separates words like a space: one byte for one, so offsets stay exact.
printf 'Prezydent\0Andrzej Duda' | "$cli" annotate - --no-model --created x >"$tmp/out" 2>"$tmp/err" \
  || fail "NUL text refused: $(cat "$tmp/err")"
grep -q '"text": "Prezydent Andrzej Duda"' "$tmp/out" || fail "NUL did not become a space: $(head -c 300 "$tmp/out")"

# UTF-16 text files (with their byte-order mark) are decoded, little and big endian.
for enc in UTF-16LE UTF-16BE; do
  { [ $enc = UTF-16LE ] && printf '\xff\xfe' || printf '\xfe\xff'; printf 'Wzrost o 5 proc. w Łodzi' | iconv -f UTF-8 -t $enc; } > "$tmp/u16.txt"
  "$cli" annotate "$tmp/u16.txt" --no-model --created x >"$tmp/out" 2>"$tmp/err" || fail "$enc refused: $(cat "$tmp/err")"
  grep -q '"text": "Wzrost o 5 proc. w Łodzi"' "$tmp/out" || fail "$enc not decoded: $(head -c 300 "$tmp/out")"
  grep -q "decoded from $enc" "$tmp/err" || fail "$enc: no note of the decoding"
done

# --jobs: the same lines in the same order for 1 and 4 jobs, broken lines reported in
# place, the stream goes on, the exit code says a line failed.
for i in $(seq 1 40); do
  if [ $((i % 7)) -eq 0 ]; then echo "{broken $i"; else printf '{"id": %d, "text": "Wzrost o %d proc. w %d roku."}\n' $i $i $((1990 + i)); fi
done > "$tmp/many.jsonl"
"$cli" annotate --jsonl --no-model --created x --jobs 1 < "$tmp/many.jsonl" >"$tmp/one.out" 2>"$tmp/one.err"
[ $? -eq 1 ] || fail "--jobs 1: a broken line must make the exit code 1"
"$cli" annotate --jsonl --no-model --created x --jobs 4 < "$tmp/many.jsonl" >"$tmp/four.out" 2>"$tmp/four.err"
[ $? -eq 1 ] || fail "--jobs 4: a broken line must make the exit code 1"
cmp -s "$tmp/one.out" "$tmp/four.out" || fail "--jobs 4 output differs from --jobs 1"
cmp -s "$tmp/one.err" "$tmp/four.err" || fail "--jobs 4 messages differ from --jobs 1"
[ "$(wc -l < "$tmp/four.out")" -eq 35 ] || fail "expected 35 documents, got $(wc -l < "$tmp/four.out")"
[ "$(grep -c 'not valid JSON' "$tmp/four.err")" -eq 5 ] || fail "expected 5 broken lines reported"
grep -q 'stdin:7:' "$tmp/four.err" || fail "broken line 7 not reported with its number"
sed -n 's/^{"id":\([0-9]*\),.*/\1/p' "$tmp/four.out" | tr '\n' ' ' | grep -q '^1 2 3 4 5 6 8 9 ' \
  || fail "--jobs 4 lost the input order"
"$cli" annotate --jsonl --jobs 0 --no-model </dev/null 2>/dev/null; [ $? -eq 2 ] || fail "--jobs 0 must be a usage error"
# A file named on the command line is read as the stream (it was ignored for stdin), and its
# messages name it.
"$cli" annotate "$tmp/many.jsonl" --jsonl --no-model --created x --jobs 2 >"$tmp/file.out" 2>"$tmp/file.err" </dev/null
[ $? -eq 1 ] || fail "a JSONL file with a broken line must make the exit code 1"
cmp -s "$tmp/one.out" "$tmp/file.out" || fail "annotate FILE --jsonl differs from the same lines on stdin"
grep -q "many.jsonl:7:" "$tmp/file.err" || fail "broken line 7 not reported with the file's name: $(head -c 300 "$tmp/file.err")"
"$cli" annotate "$tmp/no-such.jsonl" --jsonl --no-model </dev/null 2>"$tmp/err"
[ $? -eq 1 ] || fail "a missing JSONL file must make the exit code 1"
grep -q "no-such.jsonl: cannot open" "$tmp/err" || fail "a missing JSONL file not named: $(cat "$tmp/err")"
mkdir -p "$tmp/a-folder"
"$cli" annotate "$tmp/a-folder" --jsonl --no-model </dev/null 2>"$tmp/err"
[ $? -eq 1 ] || fail "a folder given as the JSONL file must make the exit code 1"
grep -q "a-folder: cannot read" "$tmp/err" || fail "a folder given as the JSONL file not named: $(cat "$tmp/err")"

# Hostile values (terminal escapes, markup) in ids and texts never reach stdout or stderr raw:
# the JSON output escapes control characters, and messages quote no input.
printf '%s\n' '{"id":"\u001b]0;title\u0007<script>","text":5}' \
  '{"id":"<b>\u001b[31m","text":"Ala <b>ma</b> \u001b[2J kota 5%"}' \
  | "$cli" annotate --jsonl --no-model --created x >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] || fail "hostile ids: the bad line must make the exit code 1"
LC_ALL=C grep -q "$(printf '\033')" "$tmp/out" "$tmp/err" && fail "a raw escape character reached the output"
grep -q '"id":"<b>\\u001b\[31m"' "$tmp/out" || fail "hostile id not carried over escaped: $(head -c 200 "$tmp/out")"


# A number too large for a double and a lone surrogate are named as such (issue #14).
printf '%s\n' '{"id": 1, "text": "a", "x": 1e400}' '{"text": "\ud800"}' '[1]' \
  | "$cli" annotate --jsonl --no-model >/dev/null 2>"$tmp/err"
grep -q "stdin:1: not valid JSON: line 1, column [0-9]*: number overflow parsing '1e400'" "$tmp/err" \
  || fail "1e400 not named: $(cat "$tmp/err")"
grep -q "stdin:2: not valid JSON: line 1, column .*surrogate" "$tmp/err" || fail "lone surrogate not named: $(cat "$tmp/err")"
grep -q "stdin:3: not a JSON object" "$tmp/err" || fail "an array line: $(cat "$tmp/err")"
echo "cli_errors: ok"
