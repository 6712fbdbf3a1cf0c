#!/usr/bin/env bash
# Set-up (idempotent), Release WebAssembly build, and a static server on 127.0.0.1.
#   ./serve.sh [--port N] [--no-build]
# The build output, build/web/dist/, is a plain static folder: any static host can serve it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
port=8080
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port=$2; shift 2 ;;
    --port=*) port=${1#--port=}; shift ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,4p' "$0"; exit 0 ;;
    *) echo "serve.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
if [ "$build" = 1 ]; then
  "$root/tools/setup.sh"
  "$root/tools/build-web.sh"
fi
exec node "$root/tools/static-server.mjs" "$root/build/web/dist" "$port"
