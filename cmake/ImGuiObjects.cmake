# Debian's libimgui-dev ships Dear ImGui 1.86 as one static archive (with backends we do not
# want: allegro5, sdl, vulkan...). Host and plugins must share one ImGui, so we extract the
# objects we need and compile them into the host executable, which exports them to plugins.
find_library(IMGUI_ARCHIVE NAMES libimgui.a REQUIRED)
find_library(STB_LIBRARY NAMES stb REQUIRED)
set(IMGUI_INCLUDE_DIRS /usr/include/imgui /usr/include/imgui/backends)
set(STB_INCLUDE_DIR /usr/include/stb)

set(_imgui_members imgui.o imgui_draw.o imgui_widgets.o imgui_tables.o imgui_demo.o
    imgui_stdlib.o imgui_impl_glfw.o imgui_impl_opengl3.o)
set(_imgui_dir ${CMAKE_BINARY_DIR}/imgui-objects)
file(MAKE_DIRECTORY ${_imgui_dir})
execute_process(COMMAND ${CMAKE_AR} x ${IMGUI_ARCHIVE} ${_imgui_members}
                WORKING_DIRECTORY ${_imgui_dir} RESULT_VARIABLE _imgui_ar_result)
if(NOT _imgui_ar_result EQUAL 0)
    message(FATAL_ERROR "Could not extract ImGui objects from ${IMGUI_ARCHIVE}")
endif()

set(IMGUI_OBJECTS "")
foreach(member IN LISTS _imgui_members)
    list(APPEND IMGUI_OBJECTS ${_imgui_dir}/${member})
endforeach()
set_source_files_properties(${IMGUI_OBJECTS} PROPERTIES EXTERNAL_OBJECT TRUE GENERATED TRUE)

# Headers only: what plugins and the SDK's UI part compile against.
add_library(imgui_headers INTERFACE)
target_include_directories(imgui_headers SYSTEM INTERFACE ${IMGUI_INCLUDE_DIRS})
