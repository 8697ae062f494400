# agentdesk_add_plugin(<id> SOURCES ... [LIBRARIES ...])
# Builds plugins/<id>: a MODULE library plus its plugin.json, placed in
# lib/agentdesk/plugins/<id>/ of the build tree and of the installed layout. ImGui stays
# undefined in the module and resolves to the host's single copy at load time.
function(agentdesk_add_plugin id)
    cmake_parse_arguments(PLUGIN "" "MANIFEST" "SOURCES;LIBRARIES" ${ARGN})
    if(NOT PLUGIN_MANIFEST)
        set(PLUGIN_MANIFEST ${CMAKE_CURRENT_SOURCE_DIR}/plugin.json)
    endif()
    set(target agentdesk_plugin_${id})
    add_library(${target} MODULE ${PLUGIN_SOURCES})
    target_link_libraries(${target} PRIVATE agentdesk::sdk ${PLUGIN_LIBRARIES})
    set_target_properties(${target} PROPERTIES
        OUTPUT_NAME agentdesk_${id}
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
