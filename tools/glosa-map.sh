#!/bin/sh
# A batch mapper around `glosa-cli annotate --jsonl` for Hadoop Streaming, Spark's RDD.pipe
# and the like (docs/BATCH.md): JSONL records on stdin, one annotation document per line on
# stdout, in input order. glosa-cli and the model files (*.bin) sit in this script's folder.
# Lines that fail (not JSON, no "text", too large) are reported on stderr and the stream goes
# on: that is no task failure, so this exits 0 once the whole stream was read. It exits
# non-zero when glosa-cli could not run at all (missing models, a crash), so the framework
# retries the task. Extra arguments go to glosa-cli (e.g. --created 2026-01-01T00:00:00Z).
dir=$(cd "$(dirname "$0")" && pwd)
cli=$dir/glosa-cli
err=$(mktemp) || exit 70
if [ ! -x "$cli" ]; then  # a framework's file cache may drop the execute bit
  cli=$err.glosa-cli
  cp "$dir/glosa-cli" "$cli" && chmod +x "$cli" || exit 70
fi
"$cli" annotate --jsonl --jobs "${GLOSA_JOBS:-1}" --models "$dir" "$@" 2>"$err"
rc=$?
cat "$err" >&2
# Exit 1 with glosa-cli's closing count means "some lines failed": the stream is complete.
if [ $rc -eq 1 ] && tail -n 1 "$err" | grep -q 'line(s) failed$'; then rc=0; fi
rm -f "$err" "$err.glosa-cli"
exit $rc
