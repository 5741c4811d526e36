# plein_add_test(NAME SOURCES a.cpp b.cpp LIBS Plein::Shared ... [TIMEOUT s] [LABELS l])
# One Qt Test executable per unit, registered with CTest; every test runs offscreen with a
# private XDG_RUNTIME_DIR so nothing leaks into or out of the developer's session.
function(plein_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS;ENVIRONMENT" ${ARGN})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test Plein::Settings ${ARG_LIBS})
    add_test(NAME ${name} COMMAND ${name})
    set(runtime "${CMAKE_CURRENT_BINARY_DIR}/xdg-runtime-${name}")
    file(MAKE_DIRECTORY "${runtime}")
    file(CHMOD "${runtime}" DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;XDG_RUNTIME_DIR=${runtime};PLEIN_SERVER_BIN=$<TARGET_FILE:plein-server>;PLEIN_CLIENT_BIN=$<TARGET_FILE:plein>;${ARG_ENVIRONMENT}")
endfunction()
