# Passed as CMAKE_PROJECT_INCLUDE by bench/app/run when bench/CMakeLists.txt does not add bench/app itself:
# reads bench/app/CMakeLists.txt once the whole tree (the app, the test support library) has been read.
# (Deferred calls may not add subdirectories, hence include(); that file names its sources by
# CMAKE_CURRENT_LIST_DIR so it works both ways.)
cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL include ${CMAKE_SOURCE_DIR}/bench/app/CMakeLists.txt)
