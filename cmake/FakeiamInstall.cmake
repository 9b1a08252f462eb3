# Install rules and the package config that lets another project `find_package(fakeiam)` and
# link `fakeiam::core`, `fakeiam::server` and (when GoogleTest was found) `fakeiam::gtest`;
# fakeiam-server goes to bin/.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(FAKEIAM_INSTALLED_TARGETS fakeiam_core fakeiam_server fakeiam_server_command)
if(TARGET fakeiam_gtest)
  list(APPEND FAKEIAM_INSTALLED_TARGETS fakeiam_gtest)
  set(FAKEIAM_WITH_GTEST ON)
else()
  set(FAKEIAM_WITH_GTEST OFF)
endif()
install(TARGETS ${FAKEIAM_INSTALLED_TARGETS} EXPORT fakeiamTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/fakeiam DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(FAKEIAM_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/fakeiam)
install(EXPORT fakeiamTargets NAMESPACE fakeiam:: DESTINATION ${FAKEIAM_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/fakeiamConfig.cmake.in
  ${PROJECT_BINARY_DIR}/fakeiamConfig.cmake INSTALL_DESTINATION ${FAKEIAM_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/fakeiamConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/fakeiamConfig.cmake
              ${PROJECT_BINARY_DIR}/fakeiamConfigVersion.cmake
        DESTINATION ${FAKEIAM_CMAKE_DIR})
