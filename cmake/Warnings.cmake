# glosa_set_options(target): the project's compile settings, applied per target.
# No exceptions anywhere (STYLE.md §4): JSON_NOEXCEPTION turns nlohmann's throws into aborts
# that tests would catch, and -fno-exceptions makes a stray `throw` a compile error.
function(glosa_set_options target)
  target_compile_features(${target} PUBLIC cxx_std_17)
  set_target_properties(${target} PROPERTIES CXX_EXTENSIONS OFF)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # GCC 12 reports false maybe-uninitialized warnings inside nlohmann/json's iterators.
    target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized)
  endif()
  target_compile_options(${target} PUBLIC $<$<COMPILE_LANGUAGE:CXX>:-fno-exceptions>)
  target_compile_definitions(${target} PUBLIC JSON_NOEXCEPTION)
  if(GLOSA_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  glosa_instrument(${target})
endfunction()

# glosa_instrument(target): sanitizers (GLOSA_SANITIZE) and libFuzzer's coverage (GLOSA_FUZZ)
# for a target, third-party libraries included, so that a bad read inside them is caught too.
# Undefined behaviour stops the program (no recovery): a test that hits it fails.
function(glosa_instrument target)
  if(GLOSA_SANITIZE AND NOT EMSCRIPTEN)
    target_compile_options(${target} PUBLIC -fsanitize=address,undefined -fno-sanitize-recover=all
                                            -fno-omit-frame-pointer)
    target_link_options(${target} PUBLIC -fsanitize=address,undefined -fno-sanitize-recover=all)
  endif()
  if(GLOSA_FUZZ AND NOT EMSCRIPTEN)
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
  endif()
endfunction()
