#!/usr/bin/env bash
# glosa-cli convert and agree: every format written and read back keeps every span (checked
# with `agree`: F1 1), a hand-computed agreement pair, and bad input named by file, line and
# field with a non-zero exit code.
set -u
cli=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cd "$tmp"

# Emoji (a flag is two code points, four UTF-16 units), a combining accent, Cyrillic, Polish.
printf 'Prezydent Kasym-\xC5\xBBomart Tokajew \xF0\x9F\x87\xB0\xF0\x9F\x87\xBF spotka\xC5\x82 si\xC4\x99 w \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB5 10 listopada 2022 r.\nCafe\xCC\x81 \xF0\x9F\x90\xA2 w \xC5\x81odzi zap\xC5\x82aci\xC5\x82 24,5 mld z\xC5\x82 - 5 proc. wi\xC4\x99cej.\n' > art.txt
"$cli" annotate art.txt --no-model --created 2026-01-01T00:00:00Z > art.glosa.json || fail "annotate"
n=$(grep -c '"start"' art.glosa.json)
[ "$n" -ge 3 ] || fail "expected entities in the fixture, got $n"

for f in brat conll spacy doccano labelstudio w3c csv html; do
  "$cli" convert art.glosa.json --to $f -o out.$f 2>err || fail "--to $f: $(cat err)"
done
[ -s out.brat.txt ] && [ -s out.brat.ann ] || fail "brat must write out.brat.txt and out.brat.ann"
cmp -s out.brat.txt art.txt || fail "brat .txt is not the text"
[ "$(head -c 3 out.csv | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "csv must start with a UTF-8 byte-order mark"
head -1 out.csv | tail -c +4 | grep -q '^id,start,end,text,label,value,base form,group,status,origin,confidence' || fail "csv header"
grep -q '<script' out.html && fail "html has a script"

for f in brat conll spacy doccano labelstudio w3c; do
  extra=""
  [ $f = w3c ] || [ $f = conll ] && extra="--text art.txt"
  in=out.$f
  [ $f = brat ] && in=out.brat
  "$cli" convert $in --from $f $extra --created 2026-01-01T00:00:00Z -o back.$f.json 2>err || fail "--from $f: $(cat err)"
  agree=$("$cli" agree art.glosa.json back.$f.json) || fail "agree $f"
  echo "$agree" | grep -q "^{\"f1\":1.0,\"kappa\":1.0,\"matches\":$n," || fail "$f round trip lost spans: $agree"
done
# The format is guessed from the content.
"$cli" convert out.spacy --from auto --created X > auto.json 2>err || fail "--from auto: $(cat err)"
grep -q '"format": "glosa"' auto.json || fail "--from auto gave no Glosa file"
# CoNLL without the text rebuilds it from the tokens: another text, the same entities.
"$cli" convert out.conll --from conll --created X -o rebuilt.json || fail "conll without text"
[ "$(grep -c '"start"' rebuilt.json)" -eq "$n" ] || fail "conll without text lost entities"

# A pair computed by hand (tests/unit/engine/agreement_test.cpp explains the numbers).
text='Jan Kowalski mieszka w Warszawie od 2020 roku. Anna pracuje.'
printf '{"text": "%s", "label": [[0, 12, "PER"], [23, 32, "LOC"], [36, 45, "DATE"], [47, 51, "PER"]]}\n' "$text" > a.jsonl
printf '{"text": "%s", "label": [[0, 12, "PER"], [23, 32, "ORG"], [36, 40, "DATE"], [13, 20, "MISC"]]}\n' "$text" > b.jsonl
"$cli" convert a.jsonl --from doccano -o a.glosa.json && "$cli" convert b.jsonl --from doccano -o b.glosa.json || fail "doccano fixtures"
expected='{"f1":0.25,"kappa":0.4894,"matches":1,"label_diff":1,"boundary_diff":1,"only_a":1,"only_b":1,"per_label":{"DATE":{"f1":0.0,"a":1,"b":1,"matches":0},"LOC":{"f1":0.0,"a":1,"b":0,"matches":0},"MISC":{"f1":0.0,"a":0,"b":1,"matches":0},"ORG":{"f1":0.0,"a":0,"b":1,"matches":0},"PER":{"f1":0.6667,"a":2,"b":1,"matches":1}}}'
got=$("$cli" agree a.glosa.json b.glosa.json) || fail "agree a b"
[ "$got" = "$expected" ] || fail "agree: expected $expected, got $got"
"$cli" agree a.glosa.json art.glosa.json 2>err && fail "agree on different texts must fail"
grep -q "different texts" err || fail "agree refusal unclear: $(cat err)"

# Bad input: file, line and field named, exit code 1; usage errors exit 2.
printf '{"text": "abc", "label": [[0, 2, "X"]]}\n{"text": "abc", "label": [[0, 9, "X"]]}\n' > bad.jsonl
"$cli" convert bad.jsonl --from doccano 2>err >/dev/null; [ $? -eq 1 ] || fail "bad doccano must exit 1"
grep -q "bad.jsonl: line 2: label\[0\].end: 9 is past the end of the text (3 code points)" err || fail "doccano message: $(cat err)"
cp art.txt bad.txt
printf 'T1\tPER 0 9\tPrezydent\nT2\tLOC 0 999\tx\n' > bad.ann
"$cli" convert bad --from brat 2>err >/dev/null; [ $? -eq 1 ] || fail "bad brat must exit 1"
grep -q "bad.ann: line 2: T2: end: 999 is past the end" err || fail "brat message: $(cat err)"
printf 'Jan B-PER\nNowak\n' > bad.conll
"$cli" convert bad.conll --from conll 2>err >/dev/null; [ $? -eq 1 ] || fail "bad conll must exit 1"
grep -q "bad.conll: line 2: column 2" err || fail "conll message: $(cat err)"
"$cli" convert out.w3c --from w3c 2>/dev/null; [ $? -eq 2 ] || fail "w3c without --text must exit 2"
"$cli" convert art.glosa.json --to brat 2>/dev/null; [ $? -eq 2 ] || fail "brat without -o must exit 2"
"$cli" convert art.glosa.json --to bogus 2>/dev/null; [ $? -eq 2 ] || fail "unknown format must exit 2"
"$cli" convert missing.json --to csv 2>err; [ $? -eq 1 ] || fail "missing file must exit 1"
grep -q "missing.json" err || fail "missing file not named"
echo "cli_convert: ok"
