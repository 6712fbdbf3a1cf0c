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
# A number too large for a double and a lone surrogate are named as such (issue #14).
printf '%s\n' '{"id": 1, "text": "a", "x": 1e400}' '{"text": "\ud800"}' '[1]' \
  | "$cli" annotate --jsonl --no-model >/dev/null 2>"$tmp/err"
grep -q "stdin:1: not valid JSON: line 1, column [0-9]*: number overflow parsing '1e400'" "$tmp/err" \
  || fail "1e400 not named: $(cat "$tmp/err")"
grep -q "stdin:2: not valid JSON: line 1, column .*surrogate" "$tmp/err" || fail "lone surrogate not named: $(cat "$tmp/err")"
grep -q "stdin:3: not a JSON object" "$tmp/err" || fail "an array line: $(cat "$tmp/err")"
echo "cli_errors: ok"
