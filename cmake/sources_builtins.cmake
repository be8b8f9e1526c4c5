# Builtins, modules, files and the command (the builtins part).
list(APPEND WEFT_LANG_SOURCES
  ${CMAKE_SOURCE_DIR}/interp/module.c
  ${CMAKE_SOURCE_DIR}/interp/builtins.c
  ${CMAKE_SOURCE_DIR}/interp/sys_module.c
  ${CMAKE_SOURCE_DIR}/interp/fileio.c
)

# float.c calls libm (floor, fmod, ...): every program linking weftcore needs it.
target_link_libraries(weftcore PUBLIC m)

# The command.
add_executable(weft ${CMAKE_SOURCE_DIR}/interp/main.c)
target_link_libraries(weft weftcore)

# Shell tests of the command (tests/cli/run.sh): options, statuses, argv, stdin, the
# interactive loop, and programs compared with CPython's output.
enable_testing()
add_test(NAME cli_weft COMMAND ${CMAKE_SOURCE_DIR}/tests/cli/run.sh $<TARGET_FILE:weft>)
set_tests_properties(cli_weft PROPERTIES TIMEOUT 300)
