/*
 * Inverses, determinants and batches (oxpar_?getri, ?potri, ?trtri, ?det,
 * ?slogdet, ?gesv_batch, ?inv_batch, ?potrf_batch, ?det_batch,
 * ?slogdet_batch) for the four element types on the serial and threads
 * backends, against references computed here in double _Complex:
 * ||A*X - I||_1 / (n ||A||_1 ||X||_1 eps) below LAPACK's 30 for the
 * inverses, the 2x2 and 3x3 formulas and a triangular matrix's diagonal
 * product for the determinants, residuals and the single-matrix routines
 * for the batches. Then the numerical failures in a batch (status, info,
 * the failing index, the other systems solved) and bad input.
 */
#include <complex.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "oxpar.h"
#include "tests.h"
#include "dense.h"

#define DENSE_TEMPLATE "inverse_template.h"
#include "each_type.h"

void test_inverse(void) {
    static const char *const specs[] = {"serial", "threads:2"};
    size_t i;
    rnd_seed(19);
    for (i = 0; i < sizeof specs / sizeof specs[0]; i++) {
        oxpar_context *ctx = NULL;
        oxpar_status st = oxpar_context_create(specs[i], &ctx);
        CHECK_OK(st, "context %s", specs[i]);
        if (st != OXPAR_STATUS_OK) {
            continue;
        }
        check_inverse_all_s(ctx, specs[i]);
        check_inverse_all_d(ctx, specs[i]);
        check_inverse_all_c(ctx, specs[i]);
        check_inverse_all_z(ctx, specs[i]);
        oxpar_context_free(ctx);
    }
}
