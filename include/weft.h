/* weft: the public embedding API. Everything else in the tree is internal.
 *
 * The interpreter is not yet embeddable; this header carries the version for now. */
#ifndef WEFT_H
#define WEFT_H

#define WEFT_VERSION_MAJOR 0
#define WEFT_VERSION_MINOR 1
#define WEFT_VERSION_PATCH 0
#define WEFT_VERSION       "0.1.0"

const char *weft_version(void);

#endif
