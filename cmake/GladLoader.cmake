# OpenGL 3.3 core loader generated at build time by Debian's python3-glad. --reproducible keeps
# it offline; an empty --extensions= keeps it small.
find_program(GLAD_PROGRAM glad PATHS /usr/bin NO_DEFAULT_PATH REQUIRED)
set(_glad_dir ${CMAKE_BINARY_DIR}/glad)
add_custom_command(
    OUTPUT ${_glad_dir}/src/gl.c ${_glad_dir}/include/glad/gl.h
    COMMAND ${GLAD_PROGRAM} --api gl:core=3.3 --extensions= --reproducible --quiet --out-path ${_glad_dir} c
    COMMENT "Generating the OpenGL 3.3 core loader with glad"
    VERBATIM)
add_library(glad STATIC ${_glad_dir}/src/gl.c)
target_include_directories(glad SYSTEM PUBLIC ${_glad_dir}/include)
set_target_properties(glad PROPERTIES POSITION_INDEPENDENT_CODE ON)
