# The Debian package (`cpack -G DEB` in a build tree), included from packaging/CMakeLists.txt: the app,
# endzone-fetch, endzone-feed and endzone-server, the desktop file, icon and metainfo (src/app), and the
# server's systemd unit, environment file and nginx site (packaging/CMakeLists.txt). Only settings here.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME endzone)
set(CPACK_PACKAGE_VENDOR "The Endzone developers")
set(CPACK_PACKAGE_CONTACT "The Endzone developers <endzone@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE https://github.com/endzone/endzone)
# Shared libraries are found by dpkg-shlibdeps; QML modules are loaded at run time, so name them.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "qml6-module-qtquick, qml6-module-qtquick-controls, qml6-module-qtquick-layouts, qml6-module-qtquick-templates, qml6-module-qtquick-window, qml6-module-qtqml-workerscript, qt6-qpa-plugins, libqt6sql6-sqlite, fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "redis-server, postgresql, nginx, libqt6sql6-psql")
# The first line of the Debian description is CPACK_PACKAGE_DESCRIPTION_SUMMARY; this is the body.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "endzone is a Qt Quick live scoreboard with offline standings and a kiosk mode.
endzone-fetch imports seasons into PostgreSQL or SQLite; endzone-server serves a
JSON and Server-Sent Events API (systemd unit and nginx sample included);
endzone-feed serves a local or synthetic scorestrip feed.")
include(CPack)
