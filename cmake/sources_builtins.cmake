# Builtins, modules, files and the command (the builtins part).
list(APPEND WEFT_LANG_SOURCES
  ${CMAKE_SOURCE_DIR}/interp/module.c
  ${CMAKE_SOURCE_DIR}/interp/builtins.c
  ${CMAKE_SOURCE_DIR}/interp/sys_module.c
  ${CMAKE_SOURCE_DIR}/interp/fileio.c
)

# The command. EXCLUDE_FROM_ALL until the interpreter part's run.h functions exist (a
# default build must keep linking); build it with --target weft.
add_executable(weft EXCLUDE_FROM_ALL ${CMAKE_SOURCE_DIR}/interp/main.c)
target_link_libraries(weft weftcore)
