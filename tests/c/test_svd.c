/*
 * The singular value decomposition and SVD least squares (oxpar_?gesvd,
 * ?gelss) for the four element types on the serial and threads backends,
 * against references computed here in double _Complex: LAPACK's ratios
 * ||A - U S V^H||_1 / (max(m, n) ||A||_1 eps), ||I - U^H U||_1 / (m eps)
 * and ||I - V^H V||_1 / (n eps) below 30 for every job ('A', 'S', 'N'),
 * the values alone against the values with vectors, the rank and the
 * minimum-norm solution of rank-deficient systems, then bad input.
 */
#include <complex.h>
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "oxpar.h"
#include "tests.h"
#include "dense.h"

#define DENSE_TEMPLATE "svd_template.h"
#include "each_type.h"

void test_svd(void) {
    static const char *const specs[] = {"serial", "threads:2"};
    size_t i;
    rnd_seed(23);
    for (i = 0; i < sizeof specs / sizeof specs[0]; i++) {
        oxpar_context *ctx = NULL;
        oxpar_status st = oxpar_context_create(specs[i], &ctx);
        CHECK_OK(st, "context %s", specs[i]);
        if (st != OXPAR_STATUS_OK) {
            continue;
        }
        check_svd_all_s(ctx, specs[i]);
        check_svd_all_d(ctx, specs[i]);
        check_svd_all_c(ctx, specs[i]);
        check_svd_all_z(ctx, specs[i]);
        oxpar_context_free(ctx);
    }
}
