/* The header's complex fallback (make header-test compiles this as C11 with
 * OXPAR_COMPLEX_STRUCT defined, and again with __STDC_NO_COMPLEX__ defined,
 * as a compiler without complex types defines it): oxpar_c32 / oxpar_c64 are
 * then structs {re, im}, and they must have
 * the size, alignment and member offsets of float _Complex / double _Complex
 * (which GCC and Clang still know as an extension), so that data written by
 * a C99 program reads the same through them. */
#include "oxpar.h"

#include <stddef.h>

#if !defined(OXPAR_COMPLEX_STRUCT) && !defined(__STDC_NO_COMPLEX__)
#error "compile with -DOXPAR_COMPLEX_STRUCT or -D__STDC_NO_COMPLEX__ to test the struct fallback"
#endif

_Static_assert(sizeof(oxpar_c32) == sizeof(__complex__ float), "oxpar_c32 size");
_Static_assert(sizeof(oxpar_c64) == sizeof(__complex__ double), "oxpar_c64 size");
_Static_assert(_Alignof(oxpar_c32) == _Alignof(__complex__ float), "oxpar_c32 alignment");
_Static_assert(_Alignof(oxpar_c64) == _Alignof(__complex__ double), "oxpar_c64 alignment");
_Static_assert(offsetof(oxpar_c32, re) == 0 && offsetof(oxpar_c32, im) == sizeof(float),
               "oxpar_c32 is re then im");
_Static_assert(offsetof(oxpar_c64, re) == 0 && offsetof(oxpar_c64, im) == sizeof(double),
               "oxpar_c64 is re then im");

int header_struct_call(const oxpar_context *ctx, oxpar_c64 *x);

int header_struct_call(const oxpar_context *ctx, oxpar_c64 *x) {
    const oxpar_c64 alpha = {2.0, -1.0};
    return (int)oxpar_zscal(ctx, 1, &alpha, x, 1);
}
