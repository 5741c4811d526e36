# Project-wide warnings and Qt hygiene, applied through one interface target.
add_library(plein_settings INTERFACE)
add_library(Plein::Settings ALIAS plein_settings)
target_compile_definitions(plein_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    PLEIN_VERSION="${PROJECT_VERSION}")
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(plein_settings INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
    if(PLEIN_WERROR)
        target_compile_options(plein_settings INTERFACE -Werror)
        if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
            # GCC 12 reports maybe-uninitialized for std::variant members moved through Qt
            # containers at -O2 (a known false positive); keep it a warning, not an error.
            target_compile_options(plein_settings INTERFACE -Wno-error=maybe-uninitialized)
        endif()
    endif()
elseif(MSVC)
    target_compile_options(plein_settings INTERFACE /W4 /permissive- /utf-8)
    if(PLEIN_WERROR)
        target_compile_options(plein_settings INTERFACE /WX)
    endif()
endif()
