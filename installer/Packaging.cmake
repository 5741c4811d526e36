# Installers, included last from the top-level CMakeLists.txt once every target exists.
# Linux: DEB and TGZ (checked by scripts/test). Windows: WIX MSI. macOS: DragNDrop DMG.
include(GNUInstallDirs)

set(CPACK_PACKAGE_NAME "plein")
set(CPACK_PACKAGE_VENDOR "Plein")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Plein social intranet: desktop client and sync server")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://plein.example")
set(CPACK_PACKAGE_CONTACT "Plein developers <dev@plein.example>")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Plein")
set(CPACK_PACKAGE_EXECUTABLES "plein;Plein")
set(CPACK_RESOURCE_FILE_README "${PROJECT_SOURCE_DIR}/README.md")
set(CPACK_STRIP_FILES ON)

if(WIN32)
    # The upgrade GUID never changes: it lets a new MSI replace an installed older one.
    set(CPACK_GENERATOR "WIX")
    set(CPACK_WIX_UPGRADE_GUID "7A4B0F52-3C1E-4D8B-9E2F-61A5C3D7B914")
    set(CPACK_WIX_PRODUCT_ICON "${PROJECT_SOURCE_DIR}/resources/icons/plein.ico")
    set(CPACK_WIX_PROGRAM_MENU_FOLDER "Plein")
    set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "Plein")
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop")
    set(CPACK_DMG_VOLUME_NAME "Plein ${PROJECT_VERSION}")
    set(CPACK_DMG_FORMAT "UDZO")
else()
    set(CPACK_GENERATOR "DEB;TGZ")
    set(CPACK_DEBIAN_PACKAGE_SECTION "net")
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
endif()

# Qt's deploy tooling copies the Qt libraries and plugins next to the programs on the
# platforms whose installers carry their own Qt (Windows and macOS; Linux uses the
# distribution's Qt through package dependencies).
if((WIN32 OR APPLE) AND COMMAND qt_generate_deploy_app_script)
    foreach(target plein plein-server)
        qt_generate_deploy_app_script(TARGET ${target} OUTPUT_SCRIPT deploy_${target} NO_UNSUPPORTED_PLATFORM_ERROR)
        install(SCRIPT "${deploy_${target}}")
    endforeach()
endif()

include(CPack)
