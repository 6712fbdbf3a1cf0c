#!/usr/bin/env bash
# One idempotent set-up for a fresh Debian 12 machine (run as root, or with sudo available).
# Installs Debian packages, fetches Dear ImGui 1.86 and utf8proc from Debian's *source*
# packages into build/deps/, and installs the browser-test tooling from the npm lockfile.
# A second run checks and returns in a second or two; it changes nothing that is in place.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
deps="$root/build/deps"
log() { printf '[setup] %s\n' "$*"; }

sudo_cmd=()
if [ "$(id -u)" != 0 ]; then sudo_cmd=(sudo); fi

# --- Debian packages ---------------------------------------------------------------
packages=(cmake g++ make emscripten nodejs nlohmann-json3-dev doctest-dev
          fonts-dejavu-core fonttools chromium dpkg-dev xz-utils ca-certificates hunspell-pl
          clang libclang-rt-14-dev parallel brotli)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
# Node may come from another vendor's package on some machines; any node >= 18 will do.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}")
else
  missing+=(npm)
fi
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | grep -v '^$' || true)
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# --- Source packages (Dear ImGui, utf8proc) -----------------------------------------
# apt-get source needs deb-src entries. Where the machine has none, derive them from the
# binary entries it already has (same mirrors, same suites), so no host name lives here.
ensure_deb_src() {
  if grep -rqsE '^(deb-src|Types:.*deb-src)' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    return
  fi
  log "deriving deb-src entries from the existing apt sources"
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    sed 's/^Types: deb$/Types: deb-src/' "$f" | "${sudo_cmd[@]}" tee \
      "/etc/apt/sources.list.d/glosa-src-$(basename "$f")" >/dev/null
  done
  if [ -f /etc/apt/sources.list ]; then
    grep -E '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' | "${sudo_cmd[@]}" tee \
      /etc/apt/sources.list.d/glosa-src.list >/dev/null || true
  fi
  "${sudo_cmd[@]}" apt-get update -qq
}

# fetch_source PACKAGE VERSION-PREFIX DEST: unpack Debian's source package into DEST.
fetch_source() {
  local pkg=$1 want=$2 dest=$3
  [ -f "$dest/.glosa-ok" ] && return
  ensure_deb_src
  log "fetching Debian source package $pkg ($want)"
  local tmp
  tmp=$(mktemp -d)
  (cd "$tmp" && apt-get source --download-only -qq "$pkg" >/dev/null 2>&1 \
     && dpkg-source --no-check -x ./*.dsc src >/dev/null)
  local got
  got=$(sed -n 's/^Version: //p' "$tmp"/*.dsc | head -1)
  case "$got" in
    "$want"*) ;;
    *) log "expected $pkg $want, Debian gave $got"; exit 1 ;;
  esac
  rm -rf "$dest"
  mkdir -p "$(dirname "$dest")"
  mv "$tmp/src" "$dest"
  rm -rf "$tmp"
  echo "$got" > "$dest/.glosa-ok"
}
fetch_source imgui 1.86 "$deps/imgui"
fetch_source utf8proc 2.8 "$deps/utf8proc"

# --- npm test tooling (playwright-core drives Debian's chromium) -------------------
e2e="$root/tests/e2e"
if [ ! -f "$e2e/node_modules/.package-lock.json" ] ||
   ! cmp -s "$e2e/package-lock.json" "$e2e/node_modules/.glosa-lock"; then
  log "installing e2e test tooling from the lockfile"
  (cd "$e2e" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$e2e/package-lock.json" "$e2e/node_modules/.glosa-lock"
fi
