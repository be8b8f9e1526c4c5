# The interpreter part: compiler, code objects, frames, evaluation loop, functions,
# generators, tracebacks and the run pipeline.
list(APPEND WEFT_LANG_SOURCES
  ${CMAKE_SOURCE_DIR}/interp/code.c
  ${CMAKE_SOURCE_DIR}/interp/compile.c
  ${CMAKE_SOURCE_DIR}/interp/compile_expr.c
  ${CMAKE_SOURCE_DIR}/interp/compile_stmt.c
  ${CMAKE_SOURCE_DIR}/interp/frame.c
  ${CMAKE_SOURCE_DIR}/interp/function.c
  ${CMAKE_SOURCE_DIR}/interp/eval.c
  ${CMAKE_SOURCE_DIR}/interp/generator.c
  ${CMAKE_SOURCE_DIR}/interp/traceback.c
  ${CMAKE_SOURCE_DIR}/interp/run.c
  ${CMAKE_SOURCE_DIR}/interp/dis.c
)

# Every program linking weftcore needs libm (float.c's floor, fmod, ...), unit tests of
# the interpreter included.
target_link_libraries(weftcore PUBLIC m)
