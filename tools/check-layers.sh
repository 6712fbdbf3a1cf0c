#!/usr/bin/env bash
# The layering rule of STYLE.md §1: engine, formats and app know nothing of the platform;
# the engine nothing of ImGui or JSON (file formats live in src/formats), the formats nothing
# of ImGui. Prints offending lines and fails if there are any.
set -u
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
status=0
# Source files only: the folders' READMEs name what is forbidden.
if grep -rnE --include='*.h' --include='*.cpp' 'emscripten|GLFW|__EMSCRIPTEN__' "$root/src/engine" "$root/src/formats" "$root/src/app"; then
  echo "layering: src/engine, src/formats and src/app must not mention emscripten or GLFW" >&2; status=1
fi
if grep -rniE --include='*.h' --include='*.cpp' '#include <imgui|ImGui::' "$root/src/engine" "$root/src/formats"; then
  echo "layering: src/engine and src/formats must not use ImGui" >&2; status=1
fi
# The engine needs no JSON: not in its code, nor in its CMake (glosa_json is linked by formats).
if grep -rniE --include='*.h' --include='*.cpp' --include='CMakeLists.txt' 'nlohmann|glosa_json' "$root/src/engine"; then
  echo "layering: src/engine must not mention nlohmann/json (readers and writers belong in src/formats)" >&2; status=1
fi
[ $status = 0 ] && echo "layering: ok"
exit $status
