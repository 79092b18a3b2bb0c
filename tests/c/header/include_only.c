/* The header alone must compile cleanly as C99, C11 and C2x (make header-test),
 * and its complex element types must be the C99 complex types themselves, so
 * that float _Complex / double _Complex arrays pass without casts. */
#include "oxpar.h"

#include <complex.h>

/* A static assertion that C99 accepts too (C11's _Static_assert is newer). */
#define HEADER_ASSERT(name, cond) typedef char header_assert_##name[(cond) ? 1 : -1]

HEADER_ASSERT(c32_size, sizeof(oxpar_c32) == 2 * sizeof(float));
HEADER_ASSERT(c64_size, sizeof(oxpar_c64) == 2 * sizeof(double));
HEADER_ASSERT(c32_is_float_complex, sizeof(oxpar_c32) == sizeof(float _Complex));
HEADER_ASSERT(c64_is_double_complex, sizeof(oxpar_c64) == sizeof(double _Complex));
#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
_Static_assert(_Alignof(oxpar_c32) == _Alignof(float _Complex), "oxpar_c32 aligns as float _Complex");
_Static_assert(_Alignof(oxpar_c64) == _Alignof(double _Complex), "oxpar_c64 aligns as double _Complex");
_Static_assert(_Generic((oxpar_c64)0, double _Complex: 1, default: 0), "oxpar_c64 is double _Complex");
_Static_assert(_Generic((oxpar_c32)0, float _Complex: 1, default: 0), "oxpar_c32 is float _Complex");
#endif

int header_complex_call(const oxpar_context *ctx, const double _Complex *x, double _Complex *y,
                        float _Complex *v, double *norm);

/* double _Complex and float _Complex arrays and scalars go in as they are. */
int header_complex_call(const oxpar_context *ctx, const double _Complex *x, double _Complex *y,
                        float _Complex *v, double *norm) {
    const double _Complex alpha = 2.0 - 1.0 * I;
    const float s = 0.5f;
    oxpar_status st = oxpar_zaxpy(ctx, 2, &alpha, x, 1, y, 1);
    if (st == OXPAR_STATUS_OK) {
        st = oxpar_dznrm2(ctx, 2, y, 1, norm);
    }
    if (st == OXPAR_STATUS_OK) {
        st = oxpar_csscal(ctx, 2, &s, v, 1);
    }
    return (int)st;
}
