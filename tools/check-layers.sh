#!/usr/bin/env bash
# The layering rule of STYLE.md §1: engine and app know nothing of the platform, and the
# engine nothing of ImGui. Prints offending lines and fails if there are any.
set -u
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
status=0
# Source files only: the folders' READMEs name what is forbidden.
if grep -rnE --include='*.h' --include='*.cpp' 'emscripten|GLFW|__EMSCRIPTEN__' "$root/src/engine" "$root/src/app"; then
  echo "layering: src/engine and src/app must not mention emscripten or GLFW" >&2; status=1
fi
if grep -rniE --include='*.h' --include='*.cpp' '#include <imgui|ImGui::' "$root/src/engine"; then
  echo "layering: src/engine must not use ImGui" >&2; status=1
fi
[ $status = 0 ] && echo "layering: ok"
exit $status
