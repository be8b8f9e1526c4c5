# The object system core: errors, exceptions, types, object, singletons, abstract
# operations, callables and super.
list(APPEND WEFT_LANG_SOURCES
  ${CMAKE_SOURCE_DIR}/runtime/error.c
  ${CMAKE_SOURCE_DIR}/runtime/exceptions.c
  ${CMAKE_SOURCE_DIR}/runtime/singletons.c
  ${CMAKE_SOURCE_DIR}/runtime/type.c
  ${CMAKE_SOURCE_DIR}/runtime/object.c
  ${CMAKE_SOURCE_DIR}/runtime/abstract.c
  ${CMAKE_SOURCE_DIR}/runtime/callable.c
  ${CMAKE_SOURCE_DIR}/runtime/super.c
)
