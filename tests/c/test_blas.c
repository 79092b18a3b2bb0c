/*
 * Every BLAS-style routine, float and double, against naive loops written
 * here: sizes 0, 1, small, odd and 100; contiguous, strided and negative
 * increments; column-major, row-major, strided and negative-stride matrices,
 * transposed or not; alpha and beta special values. Then bad input for each.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "oxpar.h"
#include "tests.h"

enum { LAYOUT_COL, LAYOUT_ROW, LAYOUT_STRIDED, LAYOUT_NEG, LAYOUT_MIXED, LAYOUT_COUNT };

/* float */
#define T float
#define SFX _s
#define TOL 1e-5
#define BIG 1e30
#define AXPY oxpar_saxpy
#define SCAL oxpar_sscal
#define COPY oxpar_scopy
#define SWAP oxpar_sswap
#define DOT oxpar_sdot
#define NRM2 oxpar_snrm2
#define ASUM oxpar_sasum
#define IAMAX oxpar_isamax
#define GEMV oxpar_sgemv
#define GER oxpar_sger
#define GEMM oxpar_sgemm
#define NAME_AXPY "oxpar_saxpy"
#define NAME_SCAL "oxpar_sscal"
#define NAME_COPY "oxpar_scopy"
#define NAME_SWAP "oxpar_sswap"
#define NAME_DOT "oxpar_sdot"
#define NAME_NRM2 "oxpar_snrm2"
#define NAME_ASUM "oxpar_sasum"
#define NAME_IAMAX "oxpar_isamax"
#define NAME_GEMV "oxpar_sgemv"
#define NAME_GER "oxpar_sger"
#define NAME_GEMM "oxpar_sgemm"
#include "blas_template.h"
#undef T
#undef SFX
#undef TOL
#undef BIG
#undef AXPY
#undef SCAL
#undef COPY
#undef SWAP
#undef DOT
#undef NRM2
#undef ASUM
#undef IAMAX
#undef GEMV
#undef GER
#undef GEMM
#undef NAME_AXPY
#undef NAME_SCAL
#undef NAME_COPY
#undef NAME_SWAP
#undef NAME_DOT
#undef NAME_NRM2
#undef NAME_ASUM
#undef NAME_IAMAX
#undef NAME_GEMV
#undef NAME_GER
#undef NAME_GEMM

/* double */
#define T double
#define SFX _d
#define TOL 1e-13
#define BIG 1e300
#define AXPY oxpar_daxpy
#define SCAL oxpar_dscal
#define COPY oxpar_dcopy
#define SWAP oxpar_dswap
#define DOT oxpar_ddot
#define NRM2 oxpar_dnrm2
#define ASUM oxpar_dasum
#define IAMAX oxpar_idamax
#define GEMV oxpar_dgemv
#define GER oxpar_dger
#define GEMM oxpar_dgemm
#define NAME_AXPY "oxpar_daxpy"
#define NAME_SCAL "oxpar_dscal"
#define NAME_COPY "oxpar_dcopy"
#define NAME_SWAP "oxpar_dswap"
#define NAME_DOT "oxpar_ddot"
#define NAME_NRM2 "oxpar_dnrm2"
#define NAME_ASUM "oxpar_dasum"
#define NAME_IAMAX "oxpar_idamax"
#define NAME_GEMV "oxpar_dgemv"
#define NAME_GER "oxpar_dger"
#define NAME_GEMM "oxpar_dgemm"
#include "blas_template.h"

static const char *const specs[] = {"serial", "threads:3"};

void test_blas(void) {
    size_t i;
    for (i = 0; i < sizeof specs / sizeof specs[0]; i++) {
        oxpar_context *ctx = NULL;
        if (!CHECK_OK(oxpar_context_create(specs[i], &ctx), "create %s", specs[i])) {
            continue;
        }
        test_blas_s(ctx, specs[i]);
        test_blas_d(ctx, specs[i]);
        oxpar_context_free(ctx);
    }
}

void test_blas_bad_input(void) {
    size_t i;
    for (i = 0; i < sizeof specs / sizeof specs[0]; i++) {
        oxpar_context *ctx = NULL;
        if (!CHECK_OK(oxpar_context_create(specs[i], &ctx), "create %s", specs[i])) {
            continue;
        }
        test_bad_input_s(ctx);
        test_bad_input_d(ctx);
        oxpar_context_free(ctx);
    }
}
