# The numbers and text part: int, float, complex, str (+ methods), bytes/bytearray, the codec
# registry and text codecs, formatting.
list(APPEND WEFT_LANG_SOURCES
  ${CMAKE_SOURCE_DIR}/runtime/int.c
  ${CMAKE_SOURCE_DIR}/runtime/float.c
  ${CMAKE_SOURCE_DIR}/runtime/complex.c
  ${CMAKE_SOURCE_DIR}/runtime/str.c
  ${CMAKE_SOURCE_DIR}/runtime/str_methods.c
  ${CMAKE_SOURCE_DIR}/runtime/bytes.c
  ${CMAKE_SOURCE_DIR}/runtime/bytes_methods.c
  ${CMAKE_SOURCE_DIR}/runtime/memoryview.c
  ${CMAKE_SOURCE_DIR}/runtime/codecs.c
  ${CMAKE_SOURCE_DIR}/runtime/text_codecs.c
  ${CMAKE_SOURCE_DIR}/runtime/format.c
)
# float.c, complex.c and format.c call libm (fmod, pow, frexp, floor).
target_link_libraries(weftcore PUBLIC m)
