# The containers part: tuple, list, dict (+ views), set, range, slice, iterators.
list(APPEND WEFT_LANG_SOURCES
  ${CMAKE_SOURCE_DIR}/runtime/tuple.c
  ${CMAKE_SOURCE_DIR}/runtime/structseq.c
  ${CMAKE_SOURCE_DIR}/runtime/list.c
  ${CMAKE_SOURCE_DIR}/runtime/list_sort.c
  ${CMAKE_SOURCE_DIR}/runtime/dict.c
  ${CMAKE_SOURCE_DIR}/runtime/dict_views.c
  ${CMAKE_SOURCE_DIR}/runtime/slice.c
  ${CMAKE_SOURCE_DIR}/runtime/set.c
  ${CMAKE_SOURCE_DIR}/runtime/range.c
  ${CMAKE_SOURCE_DIR}/runtime/iterators.c
  ${CMAKE_SOURCE_DIR}/runtime/generic_alias.c
  ${CMAKE_SOURCE_DIR}/runtime/union.c
)
# The unit tests link weftcore alone; float.c (numbers part) needs libm, so the library
# carries it (harmless if another list adds it too).
target_link_libraries(weftcore PUBLIC m)
