# libFuzzer instrumentation for the whole build (ENDZONE_FUZZ=ON). Loaded right after project() through
# -DCMAKE_PROJECT_Endzone_INCLUDE=<this file> (what the `fuzz` preset and .ci/fuzz pass), so every library the
# fuzz targets link is built with coverage, ASan and UBSan. Qt and hiredis stay the GCC-built system libraries:
# clang with libstdc++ is ABI compatible with them.
include_guard(GLOBAL)
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "ENDZONE_FUZZ needs clang: configure with -DCMAKE_CXX_COMPILER=clang++-14 (see .ci/fuzz)")
endif()
set(ENDZONE_FUZZ ON CACHE BOOL "Build the libFuzzer targets in tests/fuzz (clang only)")
set(ENDZONE_BUILD_APP OFF CACHE BOOL "Build the Qt Quick desktop app" FORCE)
# -fno-sanitize=function: clang 14 cannot emit its prologue data for split coroutines ("Cannot represent a
# difference across sections" in feedclient.cpp); it would check only calls through function pointers anyway.
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize=function -fno-sanitize-recover=undefined
    -fno-omit-frame-pointer -gline-tables-only)
add_link_options(-fsanitize=address,undefined)
# clang warns about GCC-only flags that Qt's CMake config passes on; they are harmless here.
add_compile_options(-Wno-unknown-warning-option)

# Until tests/CMakeLists.txt adds tests/fuzz itself, include it once the top level is done (CMake allows no
# add_subdirectory in deferred calls, so tests/fuzz/CMakeLists.txt names its files by CMAKE_CURRENT_LIST_DIR).
file(READ ${CMAKE_SOURCE_DIR}/tests/CMakeLists.txt _endzone_tests_list)
if(NOT _endzone_tests_list MATCHES "add_subdirectory\\(fuzz\\)")
    cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL include ${CMAKE_SOURCE_DIR}/tests/fuzz/CMakeLists.txt)
endif()
