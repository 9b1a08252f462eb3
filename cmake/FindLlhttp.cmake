# Finds llhttp, Node.js's HTTP/1.1 parser, as Debian's node-llhttp package ships it: its C
# sources and header, to be compiled into the program (there is no library to link). Defines
# Llhttp_INCLUDE_DIR and Llhttp_SOURCES.
find_path(Llhttp_INCLUDE_DIR llhttp.h PATH_SUFFIXES llhttp PATHS /usr/share/include)
find_path(Llhttp_SOURCE_DIR llhttp.c api.c http.c PATH_SUFFIXES llhttp PATHS /usr/share)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Llhttp REQUIRED_VARS Llhttp_SOURCE_DIR Llhttp_INCLUDE_DIR)
if(Llhttp_FOUND)
  set(Llhttp_SOURCES ${Llhttp_SOURCE_DIR}/llhttp.c ${Llhttp_SOURCE_DIR}/api.c
                     ${Llhttp_SOURCE_DIR}/http.c)
endif()
mark_as_advanced(Llhttp_INCLUDE_DIR Llhttp_SOURCE_DIR)
