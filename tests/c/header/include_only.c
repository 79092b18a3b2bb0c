/* The header alone must compile cleanly as C99, C11 and C2x (make header-test). */
#include "oxpar.h"
