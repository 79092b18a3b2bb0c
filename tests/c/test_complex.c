/*
 * The complex routines (oxpar_c*, oxpar_z* and BLAS's oxpar_scnrm2,
 * oxpar_dzasum, oxpar_csscal, ... names) on float _Complex and double
 * _Complex arrays passed as they are, against naive loops on double _Complex:
 * sizes 0, 1 and odd; strided, negative and row-major layouts; the three
 * values of trans; NaN where nothing may be read; then bad input. And the
 * real routines given OXPAR_TRANS_CONJ, which must act as OXPAR_TRANS_YES.
 */
#include <complex.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "oxpar.h"
#include "tests.h"

/* The reference type of every expected value. */
typedef double _Complex D;

/* single-precision complex */
#define T float _Complex
#define R float
#define TL c
#define TLS "c"
#define SFX _c
#define TOL 1e-5
#define NRM2 oxpar_scnrm2
#define ASUM oxpar_scasum
#define RSCAL oxpar_csscal
#define IAMAX oxpar_icamax
#define NAME_NRM2 "oxpar_scnrm2"
#define NAME_ASUM "oxpar_scasum"
#define NAME_RSCAL "oxpar_csscal"
#include "complex_template.h"
#undef T
#undef R
#undef TL
#undef TLS
#undef SFX
#undef TOL
#undef NRM2
#undef ASUM
#undef RSCAL
#undef IAMAX
#undef NAME_NRM2
#undef NAME_ASUM
#undef NAME_RSCAL

/* double-precision complex */
#define T double _Complex
#define R double
#define TL z
#define TLS "z"
#define SFX _z
#define TOL 1e-13
#define NRM2 oxpar_dznrm2
#define ASUM oxpar_dzasum
#define RSCAL oxpar_zdscal
#define IAMAX oxpar_izamax
#define NAME_NRM2 "oxpar_dznrm2"
#define NAME_ASUM "oxpar_dzasum"
#define NAME_RSCAL "oxpar_zdscal"
#include "complex_template.h"
#undef T
#undef R
#undef TL
#undef TLS
#undef SFX
#undef TOL
#undef NRM2
#undef ASUM
#undef RSCAL
#undef IAMAX
#undef NAME_NRM2
#undef NAME_ASUM
#undef NAME_RSCAL

/* Real routines: OXPAR_TRANS_CONJ gives what OXPAR_TRANS_YES gives, bit for
 * bit (BLAS's 'C' on real data), including where uplo describes the
 * transposed operand. */
static void real_conj_is_transpose(const oxpar_context *ctx, const char *cname) {
    double a[20], b[20], x[5], y1[5], y2[5], c1[25], c2[25];
    double one = 1.0, half = 0.5;
    size_t i;
    for (i = 0; i < 20; i++) {
        a[i] = rnd();
        b[i] = rnd();
    }
    for (i = 0; i < 5; i++) {
        x[i] = rnd();
        y1[i] = y2[i] = rnd();
    }
    for (i = 0; i < 25; i++) c1[i] = c2[i] = rnd();
    CHECK_OK(oxpar_dgemv(ctx, OXPAR_TRANS_YES, 4, 5, &one, a, 1, 4, x, 1, &half, y1, 1), "dgemv yes");
    CHECK_OK(oxpar_dgemv(ctx, OXPAR_TRANS_CONJ, 4, 5, &one, a, 1, 4, x, 1, &half, y2, 1), "dgemv conj");
    CHECK(memcmp(y1, y2, sizeof y1) == 0, "%s dgemv: OXPAR_TRANS_CONJ is OXPAR_TRANS_YES", cname);
    CHECK_OK(oxpar_dgemm(ctx, OXPAR_TRANS_YES, OXPAR_TRANS_NO, 5, 5, 4, &one, a, 1, 4, b, 1, 4, &half, c1, 1, 5),
             "dgemm yes");
    CHECK_OK(oxpar_dgemm(ctx, OXPAR_TRANS_CONJ, OXPAR_TRANS_NO, 5, 5, 4, &one, a, 1, 4, b, 1, 4, &half, c2, 1, 5),
             "dgemm conj");
    CHECK(memcmp(c1, c2, sizeof c1) == 0, "%s dgemm: OXPAR_TRANS_CONJ is OXPAR_TRANS_YES", cname);
    for (i = 0; i < 5; i++) y2[i] = y1[i];
    CHECK_OK(oxpar_dtrmv(ctx, OXPAR_UPLO_LOWER, OXPAR_TRANS_YES, OXPAR_DIAG_NON_UNIT, 4, a, 1, 4, y1, 1),
             "dtrmv yes");
    CHECK_OK(oxpar_dtrmv(ctx, OXPAR_UPLO_LOWER, OXPAR_TRANS_CONJ, OXPAR_DIAG_NON_UNIT, 4, a, 1, 4, y2, 1),
             "dtrmv conj");
    CHECK(memcmp(y1, y2, sizeof y1) == 0, "%s dtrmv: OXPAR_TRANS_CONJ is OXPAR_TRANS_YES", cname);
    for (i = 0; i < 25; i++) c2[i] = c1[i];
    CHECK_OK(oxpar_dsyrk(ctx, OXPAR_UPLO_UPPER, OXPAR_TRANS_YES, 5, 4, &one, a, 1, 4, &half, c1, 1, 5),
             "dsyrk yes");
    CHECK_OK(oxpar_dsyrk(ctx, OXPAR_UPLO_UPPER, OXPAR_TRANS_CONJ, 5, 4, &one, a, 1, 4, &half, c2, 1, 5),
             "dsyrk conj");
    CHECK(memcmp(c1, c2, sizeof c1) == 0, "%s dsyrk: OXPAR_TRANS_CONJ is OXPAR_TRANS_YES", cname);
    for (i = 0; i < 5; i++) y2[i] = y1[i];
    CHECK_OK(oxpar_dtbmv(ctx, OXPAR_UPLO_UPPER, OXPAR_TRANS_YES, OXPAR_DIAG_UNIT, 4, 1, a, 2, y1, 1), "dtbmv yes");
    CHECK_OK(oxpar_dtbmv(ctx, OXPAR_UPLO_UPPER, OXPAR_TRANS_CONJ, OXPAR_DIAG_UNIT, 4, 1, a, 2, y2, 1),
             "dtbmv conj");
    CHECK(memcmp(y1, y2, sizeof y1) == 0, "%s dtbmv: OXPAR_TRANS_CONJ is OXPAR_TRANS_YES", cname);
}

static const char *const complex_specs[] = {"serial", "threads:3"};

void test_complex(void) {
    size_t i;
    for (i = 0; i < sizeof complex_specs / sizeof complex_specs[0]; i++) {
        oxpar_context *ctx = NULL;
        if (!CHECK_OK(oxpar_context_create(complex_specs[i], &ctx), "create %s", complex_specs[i])) {
            continue;
        }
        complex_all_c(ctx, complex_specs[i]);
        complex_all_z(ctx, complex_specs[i]);
        real_conj_is_transpose(ctx, complex_specs[i]);
        oxpar_context_free(ctx);
    }
    /* An OpenCL context computes complex data on the host (its device
     * buffers are real only): the same results. Skipped where OpenCL is not
     * there, as test_opencl.c is. */
    if (getenv("OXPAR_TEST_SKIP_OPENCL") == NULL) {
        oxpar_context *ctx = NULL;
        if (oxpar_context_create("opencl", &ctx) == OXPAR_STATUS_OK) {
            complex_all_c(ctx, "opencl");
            complex_all_z(ctx, "opencl");
            oxpar_context_free(ctx);
        } else {
            printf("test_complex: no OpenCL context (%s); its complex checks skipped\n",
                   oxpar_last_error_message());
        }
    }
}
