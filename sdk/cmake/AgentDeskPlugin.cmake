# agentdesk_add_plugin(<id> SOURCES ... [MANIFEST plugin.json] [LIBRARIES ...])
#
# Builds an AgentDesk plugin: a MODULE library with its plugin.json beside it, in
# ${AGENTDESK_PLUGIN_DIR}/<id>/ of the build tree (the layout of a plugins folder), and installed
# to ${AGENTDESK_PLUGIN_INSTALL_DIR}/<id>/, where the desktop of that prefix looks. The manifest (default:
# plugin.json in the calling folder) is configured with @ONLY: @AGENTDESK_PLUGIN_LIBRARY@ is the
# library's file name, @PROJECT_VERSION@ the project's version, @AGENTDESK_SDK_VERSION@ the SDK's.
#
# ImGui stays undefined in the module and resolves to the host's single copy at load time, so
# do not link libimgui and do not use -Wl,--no-undefined.
#
# Used by AgentDesk's own plugins and, installed with the SDK, by third-party plugins
# (find_package(AgentDeskSDK) includes it).
if(NOT DEFINED AGENTDESK_PLUGIN_DIR)
    set(AGENTDESK_PLUGIN_DIR ${CMAKE_BINARY_DIR}/plugins)
endif()
if(NOT DEFINED AGENTDESK_PLUGIN_INSTALL_DIR)
    set(AGENTDESK_PLUGIN_INSTALL_DIR lib/agentdesk/plugins)  # where the desktop looks, beside bin/
endif()

function(agentdesk_add_plugin id)
    cmake_parse_arguments(PLUGIN "" "MANIFEST" "SOURCES;LIBRARIES" ${ARGN})
    if(NOT PLUGIN_SOURCES)
        message(FATAL_ERROR "agentdesk_add_plugin(${id}): no SOURCES")
    endif()
    if(NOT PLUGIN_MANIFEST)
        set(PLUGIN_MANIFEST ${CMAKE_CURRENT_SOURCE_DIR}/plugin.json)
    elseif(NOT IS_ABSOLUTE ${PLUGIN_MANIFEST})
        set(PLUGIN_MANIFEST ${CMAKE_CURRENT_SOURCE_DIR}/${PLUGIN_MANIFEST})
    endif()
    set(target agentdesk_plugin_${id})
    add_library(${target} MODULE ${PLUGIN_SOURCES})
    target_link_libraries(${target} PRIVATE AgentDesk::sdk ${PLUGIN_LIBRARIES})
    set_target_properties(${target} PROPERTIES
        OUTPUT_NAME agentdesk_${id}
        PREFIX lib
        SUFFIX .so
        LIBRARY_OUTPUT_DIRECTORY ${AGENTDESK_PLUGIN_DIR}/${id}
        CXX_VISIBILITY_PRESET hidden
        VISIBILITY_INLINES_HIDDEN ON)
    set(AGENTDESK_PLUGIN_LIBRARY libagentdesk_${id}.so)
    configure_file(${PLUGIN_MANIFEST} ${AGENTDESK_PLUGIN_DIR}/${id}/plugin.json @ONLY)
    install(TARGETS ${target} LIBRARY DESTINATION ${AGENTDESK_PLUGIN_INSTALL_DIR}/${id} COMPONENT runtime)
    install(FILES ${AGENTDESK_PLUGIN_DIR}/${id}/plugin.json DESTINATION ${AGENTDESK_PLUGIN_INSTALL_DIR}/${id} COMPONENT runtime)
    if(TARGET agentdesk)
        add_dependencies(agentdesk ${target})
    endif()
endfunction()
