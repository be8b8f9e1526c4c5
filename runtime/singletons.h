/* None, NotImplemented, Ellipsis, True and False: immortal, one of each. True and False
 * are heap ints with the bool type (bool subclasses int, and int code reads them as 1
 * and 0 through the ordinary big-int path). */
#ifndef WF_SINGLETONS_H
#define WF_SINGLETONS_H

#include "object.h"

extern wf_type wf_none_type, wf_notimplemented_type, wf_ellipsis_type, wf_bool_type;
extern wf_object wf_none_object, wf_notimplemented_object, wf_ellipsis_object;
/* An int object of type bool with room for its one digit (runtime/singletons.c). */
extern struct wf_bool_object wf_true_object, wf_false_object;

#define WF_NONE           wf_from_object(&wf_none_object)
#define WF_NOTIMPLEMENTED wf_from_object(&wf_notimplemented_object)
#define WF_ELLIPSIS       wf_from_object(&wf_ellipsis_object)
#define WF_TRUE           wf_from_object((wf_object *)&wf_true_object)
#define WF_FALSE          wf_from_object((wf_object *)&wf_false_object)

static inline wf_value wf_bool(bool b)
{
    return b ? WF_TRUE : WF_FALSE;
}

#endif
