#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz (clang, ASan + UBSan) in build/sanitize and runs
# each one over its committed seeds plus what it finds. tests/run.sh calls it briefly; a long
# campaign is `tests/fuzz.sh --minutes 30` (per target). Crashes land in
# build/sanitize/fuzz-findings/<target>/ and make the script exit 1.
#   tests/fuzz.sh [--seconds N | --minutes N] [--jobs N] [--targets-at-once N] [TARGET...]
#   (--jobs: libFuzzer workers per target; --targets-at-once: targets run side by side)
#   tests/fuzz.sh --build-only    (configure and build the tree: fuzz targets, unit suite, CLI)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$root/build/sanitize
seconds=30
jobs=1
at_once=1
build_only=0
targets=()
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) seconds=$2; shift 2 ;;
    --minutes) seconds=$(($2 * 60)); shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --build-only) build_only=1; shift ;;
    --targets-at-once) at_once=$2; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
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

# One target's run: its log in $build/fuzz-$t.log, its exit code in $build/fuzz-$t.rc.
fuzz_target() {
  local t=$1
  local corpus=$build/fuzz-corpus/$t        # what this machine found: grows across runs, not committed
  local findings=$build/fuzz-findings/$t
  mkdir -p "$corpus" "$findings"
  # -max_len: texts up to 64 KiB (long enough for the paragraph and nesting shapes); -rss_limit
  # and -timeout turn runaway memory or a hang into a finding too.
  local parallel_args=()
  [ "$jobs" -gt 1 ] && parallel_args=(-fork="$jobs")
  local rc=0
  (cd "$build" && ASAN_OPTIONS=detect_leaks=0 "$build/tests/fuzz/fuzz_$t" "$corpus" "$root/tests/fuzz/corpus/$t" \
    -max_total_time="$seconds" -max_len=65536 -timeout=60 -rss_limit_mb=4096 "${parallel_args[@]}" \
    -artifact_prefix="$findings/" -print_final_stats=1) >"$build/fuzz-$t.log" 2>&1 || rc=$?
  echo "$rc" >"$build/fuzz-$t.rc"
}

# Side by side, at most $at_once at a time (each is one process unless --jobs says more).
running=0
for t in "${targets[@]}"; do
  if [ "$running" -ge "$at_once" ]; then
    wait -n || true
    running=$((running - 1))
  fi
  fuzz_target "$t" &
  running=$((running + 1))
done
wait

status=0
for t in "${targets[@]}"; do
  log=$build/fuzz-$t.log
  findings=$build/fuzz-findings/$t
  rc=$(cat "$build/fuzz-$t.rc")
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | awk '{s += $1} END {print s + 0}')
  found=$(find "$findings" -type f | wc -l)
  echo "fuzz $t: ${seconds}s, $runs executions, $found finding(s) (exit $rc; log $log)"
  if [ "$rc" -ne 0 ] || [ "$found" -gt 0 ]; then
    status=1
    grep -m5 -E "ERROR|invariant|SUMMARY" "$log" || true
  fi
done
exit $status
