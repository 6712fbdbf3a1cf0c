# Third-party code, none of it committed:
#  - utf8proc and Dear ImGui 1.86: Debian source packages unpacked by tools/setup.sh into
#    GLOSA_DEPS_DIR, compiled here the same way for native and WebAssembly builds;
#  - nlohmann/json and doctest: header-only Debian packages. Emscripten must not search
#    /usr/include (it would pick up glibc headers), so their headers are copied into the
#    build tree and that copy is what every build includes.

foreach(dir imgui utf8proc)
  if(NOT EXISTS "${GLOSA_DEPS_DIR}/${dir}/.glosa-ok")
    message(FATAL_ERROR "${GLOSA_DEPS_DIR}/${dir} is missing: run tools/setup.sh first")
  endif()
endforeach()

set(GLOSA_SYS_HEADERS "${CMAKE_BINARY_DIR}/sysdeps/include")
foreach(header_dir nlohmann doctest)
  if(NOT EXISTS "/usr/include/${header_dir}")
    message(FATAL_ERROR "/usr/include/${header_dir} is missing: run tools/setup.sh first")
  endif()
  file(COPY "/usr/include/${header_dir}" DESTINATION "${GLOSA_SYS_HEADERS}")
endforeach()

add_library(glosa_json INTERFACE)
target_include_directories(glosa_json SYSTEM INTERFACE "${GLOSA_SYS_HEADERS}")

add_library(glosa_utf8proc STATIC "${GLOSA_DEPS_DIR}/utf8proc/utf8proc.c")
target_include_directories(glosa_utf8proc SYSTEM PUBLIC "${GLOSA_DEPS_DIR}/utf8proc")
target_compile_definitions(glosa_utf8proc PUBLIC UTF8PROC_STATIC)
set_target_properties(glosa_utf8proc PROPERTIES POSITION_INDEPENDENT_CODE ON)
glosa_instrument(glosa_utf8proc)

# Dear ImGui core (no backend): enough for the app's state tests on the null backend.
set(GLOSA_IMGUI_DIR "${GLOSA_DEPS_DIR}/imgui")
add_library(glosa_imgui STATIC
  "${GLOSA_IMGUI_DIR}/imgui.cpp" "${GLOSA_IMGUI_DIR}/imgui_draw.cpp"
  "${GLOSA_IMGUI_DIR}/imgui_tables.cpp" "${GLOSA_IMGUI_DIR}/imgui_widgets.cpp")
target_include_directories(glosa_imgui SYSTEM PUBLIC "${GLOSA_IMGUI_DIR}")
target_compile_features(glosa_imgui PUBLIC cxx_std_17)
# Drop ImGui's own demo and obsolete API; the app never uses them.
target_compile_definitions(glosa_imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_DEMO_WINDOWS)
glosa_instrument(glosa_imgui)

if(EMSCRIPTEN)
  add_library(glosa_imgui_backend STATIC
    "${GLOSA_IMGUI_DIR}/backends/imgui_impl_glfw.cpp"
    "${GLOSA_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
  target_include_directories(glosa_imgui_backend SYSTEM PUBLIC "${GLOSA_IMGUI_DIR}/backends")
  target_link_libraries(glosa_imgui_backend PUBLIC glosa_imgui)
endif()
