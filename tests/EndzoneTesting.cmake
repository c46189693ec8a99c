# endzone_add_test(NAME <class> SOURCES ... LIBS ... [LABELS ...] [ENVIRONMENT ...] [LAUNCHER command...])
# Builds tst_<class> and registers it as endzone-<class>, with the environment every test pins. LAUNCHER runs
# the test through a wrapper (dbus-run-session for a private session bus).
# ENDZONE_SOURCE=scorestrip: most tests (and the programs they start) talk to a scorestrip FeedServer; a test
# of the ESPN source says --source espn (or FeedSource::Espn) itself.
function(endzone_add_test)
    cmake_parse_arguments(ARG "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS;ENVIRONMENT;LAUNCHER" ${ARGN})
    qt_add_executable(tst_${ARG_NAME} ${ARG_SOURCES})
    target_link_libraries(tst_${ARG_NAME} PRIVATE Qt6::Test endzone_testsupport ${ARG_LIBS})
    # The test's own code at -O1 (the code it tests, in the libraries, keeps -O2): the suite's coroutine-heavy
    # test files build in up to 40 % less time, and nothing in them is hot.
    target_compile_options(tst_${ARG_NAME} PRIVATE $<$<CONFIG:RelWithDebInfo,Release>:-O1>)
    if(ARG_LAUNCHER)
        add_test(NAME endzone-${ARG_NAME} COMMAND ${ARG_LAUNCHER} $<TARGET_FILE:tst_${ARG_NAME}>)
    else()
        add_test(NAME endzone-${ARG_NAME} COMMAND tst_${ARG_NAME})
    endif()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(endzone-${ARG_NAME} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "TZ=Europe/Berlin;LANG=C.UTF-8;LC_ALL=C.UTF-8;QT_QPA_PLATFORM=offscreen;QTEST_FUNCTION_TIMEOUT=240000;ENDZONE_SHARED_DIR=${PROJECT_SOURCE_DIR}/../shared;ENDZONE_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/data;ENDZONE_BIN_DIR=${PROJECT_BINARY_DIR}/bin;ENDZONE_SOURCE=scorestrip;${ARG_ENVIRONMENT}")
endfunction()
