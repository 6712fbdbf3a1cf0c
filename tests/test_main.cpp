// doctest entry point for the unit suite (native and WASM). Layer: tests.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
