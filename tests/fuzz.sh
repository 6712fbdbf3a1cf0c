#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz (clang, ASan + UBSan) in build/sanitize and runs
# each one over its committed seeds plus what it finds. tests/run.sh calls it briefly; a long
# campaign is `tests/fuzz.sh --minutes 30` (per target). Crashes land in
# build/sanitize/fuzz-findings/<target>/ and make the script exit 1.
#   tests/fuzz.sh [--seconds N | --minutes N] [--jobs N] [TARGET...]
#   tests/fuzz.sh --build-only    (configure and build the tree: fuzz targets, unit suite, CLI)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$root/build/sanitize
seconds=30
jobs=1
build_only=0
targets=()
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) seconds=$2; shift 2 ;;
    --minutes) seconds=$(($2 * 60)); shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --build-only) build_only=1; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(annotation_reader engine_annotate app_open model_loaders exchange_import)

# The sanitized tree (tests/run.sh builds its unit suite and CLI here too). -O1: the usual
# level for ASan, a third of -O3's compile time, fast enough for fuzzing.
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_FLAGS_RELEASE="-O1 -DNDEBUG" -DCMAKE_C_FLAGS_RELEASE="-O1 -DNDEBUG" -DGLOSA_WERROR=ON \
  -DGLOSA_SANITIZE=ON -DGLOSA_FUZZ=ON -DGLOSA_BUILD_BENCH=OFF >/dev/null
build_targets=("${targets[@]/#/fuzz_}")
[ "$build_only" = 1 ] && build_targets+=(glosa_tests glosa_cli)
cmake --build "$build" -j"$(nproc)" --target "${build_targets[@]}" -- --no-print-directory
[ "$build_only" = 1 ] && exit 0

status=0
for t in "${targets[@]}"; do
  corpus=$build/fuzz-corpus/$t        # what this machine found: grows across runs, not committed
  findings=$build/fuzz-findings/$t
  mkdir -p "$corpus" "$findings"
  log=$build/fuzz-$t.log
  # -max_len: texts up to 64 KiB (long enough for the paragraph and nesting shapes); -rss_limit
  # and -timeout turn runaway memory or a hang into a finding too.
  parallel_args=()
  [ "$jobs" -gt 1 ] && parallel_args=(-fork="$jobs")
  set +e
  (cd "$build" && ASAN_OPTIONS=detect_leaks=0 "$build/tests/fuzz/fuzz_$t" "$corpus" "$root/tests/fuzz/corpus/$t" \
    -max_total_time="$seconds" -max_len=65536 -timeout=60 -rss_limit_mb=4096 "${parallel_args[@]}" \
    -artifact_prefix="$findings/" -print_final_stats=1) >"$log" 2>&1
  rc=$?
  set -e
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | awk '{s += $1} END {print s + 0}')
  found=$(find "$findings" -type f | wc -l)
  echo "fuzz $t: ${seconds}s, $runs executions, $found finding(s) (exit $rc; log $log)"
  if [ $rc -ne 0 ] || [ "$found" -gt 0 ]; then
    status=1
    grep -m5 -E "ERROR|invariant|SUMMARY" "$log" || true
  fi
done
exit $status
